"""Checking a copy: the record's fingerprint and how to compare it."""

from __future__ import annotations

from app.exports.content.context import Context
from app.exports.content.model import Code, Paragraph, Section

HOW = (
    "It is computed over the record as stored, without its own fingerprint field, with keys "
    "sorted and no spaces. Export the JSON record and compare its fingerprint field: a copy that "
    "differs in any weight, rating or word of the decision gives another value, and Backbone "
    "Select refuses to import it."
)


def section(ctx: Context) -> Section:
    value = Code(
        "The SHA-256 fingerprint of this workshop's JSON record is:",
        ctx.fingerprint,
        id="fingerprint-value",
    )
    return Section("fingerprint", "Checking a copy", (value, Paragraph(HOW)), style="appendix")
