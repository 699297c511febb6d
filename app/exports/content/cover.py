"""How the document opens: the cover (title, facts, a one-paragraph summary) and the workshop's
context and goal."""

from __future__ import annotations

from app.domain.numbers import decimal
from app.domain.record import Record
from app.domain.workshop import STAGE_LABELS
from app.exports.content.context import Context
from app.exports.content.model import Cover, Paragraph, Section
from app.exports.text import clean_line, paragraphs

AGREEMENT_PHRASES = {
    "unanimous": "unanimously",
    "consensus": "by consensus",
    "majority": "by a majority",
    "divided": "with the group divided",
}


def _date(record: Record) -> str:
    w = record.workshop
    if w.decision:
        return f"{w.decision.decided_at:%Y-%m-%d}"
    latest = max((e.at for e in record.events), default=w.created_at)
    return f"{latest:%Y-%m-%d}"


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


def _summary(record: Record) -> str:
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
        f"On {d.decided_at:%Y-%m-%d} the group chose {clean_line(d.option_name)} as the "
        f"backbone{' ' + how if how else ''}. {took_part} "
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
    if d.conditions:
        sentence += " The choice comes with conditions, set out below."
    if d.dissent:
        sentence += " Dissent was recorded."
    return sentence


def cover(record: Record) -> Cover:
    w = record.workshop
    convener = clean_line(w.convener) or "Not named"
    facts = [("Convener", convener), ("Status", STAGE_LABELS[w.stage])]
    if w.decision:
        facts.insert(0, ("Chosen backbone", clean_line(w.decision.option_name)))
    facts.append(("Decided" if w.decision else "Last activity", _date(record)))
    facts.append(("Workshop opened", f"{w.created_at:%Y-%m-%d}"))
    return Cover(
        title=clean_line(w.title),
        facts=tuple(facts),
        summary=_summary(record),
        author=convener if w.convener.strip() else "Backbone Select",
        created=w.decision.decided_at if w.decision else w.created_at,
    )


def context_and_goal(ctx: Context) -> Section:
    goal = paragraphs(ctx.record.workshop.goal)
    blocks = [Paragraph(p, "typed") for p in goal] or [
        Paragraph("No goal was recorded for this workshop.", "muted")
    ]
    return Section("context", "Context and goal", tuple(blocks))
