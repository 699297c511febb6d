"""How the document opens: the cover (title, facts, a one-paragraph summary) and the workshop's
context and goal."""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.numbers import decimal
from app.domain.record import Record
from app.domain.workshop import AGREEMENT_LEVELS, STAGE_LABELS
from app.exports.content.context import Context
from app.exports.content.model import Cover, Paragraph, Section
from app.exports.layout import Layout
from app.exports.text import clean_line, paragraphs

WHY_LIMIT = 600
AGREEMENT_PHRASES = {
    "unanimous": "unanimously",
    "consensus": "by consensus",
    "majority": "by a majority",
    "divided": "with the group divided",
}


def _date(record: Record, layout: Layout) -> str:
    w = record.workshop
    if w.decision:
        return layout.day(w.decision.decided_at)
    latest = max((e.at for e in record.events), default=w.created_at)
    return layout.day(latest)


def _took_part(record: Record) -> str:
    w, r = record.workshop, record.results
    people = len(w.participants)
    if not people:
        return "Nobody took part yet."
    sectors = len(w.sectors_present)
    return (
        f"{people} {'person' if people == 1 else 'people'} from {sectors} "
        f"{'sector' if sectors == 1 else 'sectors'} took part; {r.submitted} gave weights to "
        f"all {len(w.criteria)} criteria and rated all {len(w.options)} options."
    )


def _summary(record: Record, layout: Layout) -> str:
    """The recommendation a director reads in a minute: what was chosen, why, how firmly."""
    w, r = record.workshop, record.results
    took_part = _took_part(record)
    top = r.ranking[0] if r.ranking and r.ranking[0].coverage > 0 else None
    verb = "was" if w.decision else "is"
    top_text = (
        f"The highest-ranked option {verb} {clean_line(top.name)}, with {decimal(top.score, 1)} "
        "points out of 100."
        if top
        else "No option has been rated yet."
    )
    d = w.decision
    if d is None:
        return (
            f"This is a draft: the group has not yet recorded its decision. {took_part} {top_text}"
        )
    chosen = next((x for x in r.ranking if x.option == d.option), None)
    how = AGREEMENT_PHRASES.get(d.agreement or "", "")
    sentence = (
        f"The group recommends {clean_line(d.option_name)} as the backbone. It chose it on "
        f"{layout.day(d.decided_at)}{' ' + how if how else ''}. Why: {_why(d.rationale)} "
    )
    if chosen and not d.departs_from_ranking:
        sentence += (
            f"The chosen option ranked first, with {decimal(chosen.score, 1)} points out of 100."
        )
    elif chosen:
        sentence += (
            f"The chosen option ranked {chosen.rank} of {len(r.ranking)} with "
            f"{decimal(chosen.score, 1)} points out of 100. {top_text} "
            "The group recorded why it departed from the ranking."
        )
    sentence += f" {took_part}"
    if d.follow_ups or d.conditions:
        sentence += " The choice comes with conditions and next steps, set out below."
    if d.dissent:
        sentence += " Dissent was recorded."
    return sentence


def _why(rationale: str) -> str:
    """The group's reason, in one paragraph of at most about 600 characters."""
    text = " ".join(clean_line(rationale).split())
    if len(text) > WHY_LIMIT:
        text = text[:WHY_LIMIT].rsplit(" ", 1)[0] + " … (continued under Decision)"
    return text if text.endswith((".", "!", "?", ")")) else text + "."


def _agreement_fact(record: Record) -> str:
    d, a = record.workshop.decision, record.analysis
    words = AGREEMENT_LEVELS.get(d.agreement or "", "Not recorded") if d else "Not decided"
    if a is not None and a.agreement.kendall_w is not None:
        words += f"; the members' own rankings show {a.agreement.kendall_words}"
    return words


def _notice(record: Record) -> str:
    p = record.provenance
    if p is None or p.verified:
        return ""
    return (
        "NOT VERIFIED. This record was imported from a file whose signature does not verify "
        f"under a key this instance trusts: {clean_line(p.message)}"
    )


def _verification(record: Record, fingerprint: str) -> str:
    if record.copy_of is not None:
        whole = f" The workshop's record: {record.copy_of}." if record.copy_of else ""
        return (
            "A participant's copy: the group's results and decision, and of the input only "
            f"this participant's own; not the workshop's signed record. This copy's fingerprint "
            f"(SHA-256) {fingerprint}.{whole}"
        )
    sealed = record.sealed or {}
    signature = sealed.get("signature") if isinstance(sealed, dict | Mapping) else None
    key = signature.get("key_id") if isinstance(signature, dict) else None
    signed = f"signed with key {key}" if key else "not signed"
    return (
        f"Record fingerprint (SHA-256) {fingerprint}, {signed}. How to check a copy is "
        "explained in the last section of this memo."
    )


def cover(record: Record, fingerprint: str = "", layout: Layout | None = None) -> Cover:
    layout = layout or Layout()
    w = record.workshop
    convener = clean_line(w.convener) or "Not named"
    facts = [("Convener", convener), ("Status", STAGE_LABELS[w.stage])]
    if w.decision:
        facts.insert(0, ("Recommended backbone", clean_line(w.decision.option_name)))
        facts.insert(1, ("Level of agreement", _agreement_fact(record)))
    facts.append(("Decided" if w.decision else "Last activity", _date(record, layout)))
    facts.append(("Workshop opened", layout.day(w.created_at)))
    if w.supersedes is not None:
        facts.append(
            ("Revisits", f"the decision of workshop {w.supersedes}, which this supersedes")
        )
    return Cover(
        title=clean_line(w.title),
        facts=tuple(facts),
        summary=_summary(record, layout),
        author=convener if w.convener.strip() else "Backbone Select",
        created=w.decision.decided_at if w.decision else w.created_at,
        notice=_notice(record),
        verification=_verification(record, fingerprint),
    )


def context_and_goal(ctx: Context) -> Section:
    goal = paragraphs(ctx.record.workshop.goal)
    blocks = [Paragraph(p, "typed") for p in goal] or [
        Paragraph("No goal was recorded for this workshop.", "muted")
    ]
    return Section("context", "Context and goal", tuple(blocks))
