"""Checking a copy: the record's fingerprint, the key that signed it, and how to check both."""

from __future__ import annotations

from collections.abc import Mapping

from app.exports.content.context import Context
from app.exports.content.model import Block, Code, Paragraph, Section
from app.exports.i18n import N_, _

HOW = N_(
    "The fingerprint is computed over the JSON record as stored, without its fingerprint and "
    "signature fields, with keys sorted and no spaces. A copy that differs in any weight, rating "
    "or word of the decision gives another value. The signature is the signing instance's "
    "Ed25519 signature of the fingerprint: only that instance's key can make it."
)
STEPS = N_(
    "To check a copy: export its JSON record (or ask for it) and run "
    "“backbone verify record.json --trust KEY”, with KEY the public key the signing instance "
    "publishes at /api/v1/keys. It answers VERIFIED (exit 0) when the record is unchanged and "
    "signed by that key, INTACT, NOT VERIFIED (1) when it is unchanged but signed by a key you "
    "do not trust, and CHANGED (2) when it was altered. Importing the record into Backbone Select "
    "runs the same check."
)


def section(ctx: Context) -> Section:
    blocks: list[Block] = [
        Code(
            _("The SHA-256 fingerprint of this workshop's JSON record is:"),
            ctx.fingerprint,
            id="fingerprint-value",
        )
    ]
    sealed = ctx.record.sealed
    signature = sealed.get("signature") if isinstance(sealed, Mapping) else None
    if isinstance(signature, Mapping):
        blocks.append(
            Code(_("Signed (Ed25519) with key id:"), str(signature["key_id"]), id="key-id")
        )
        blocks.append(Code(_("Public key:"), str(signature["public_key"]), id="public-key"))
    elif ctx.record.copy_of is not None:
        copy = _(
            "This is a participant's copy, cut from the workshop's record: it is not signed, and "
            "its fingerprint is not the record's. The facilitator holds the signed record"
        )
        held = (
            _(", fingerprint {fingerprint}.").format(fingerprint=ctx.record.copy_of)
            if ctx.record.copy_of
            else "."
        )
        blocks.append(Paragraph(copy + held))
    else:
        blocks.append(Paragraph(_("This copy of the record is not signed."), "muted"))
    provenance = ctx.record.provenance
    if provenance is not None and not provenance.verified:
        blocks.append(
            Paragraph(
                _(
                    "NOT VERIFIED: this record was imported and does not verify under a key this "
                    "instance trusts ({message})"
                ).format(message=provenance.message)
            )
        )
    blocks += [Paragraph(_(HOW)), Paragraph(_(STEPS))]
    return Section("fingerprint", _("Checking a copy"), tuple(blocks), style="appendix")
