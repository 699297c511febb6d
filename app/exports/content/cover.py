"""How the document opens: the cover (title, facts, a one-paragraph summary) and the workshop's
context and goal."""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.record import Record
from app.domain.workshop import AGREEMENT_LEVELS, STAGE_LABELS
from app.exports.content.context import Context
from app.exports.content.model import Cover, Paragraph, Section
from app.exports.i18n import N_, _, ngettext, number, term
from app.exports.layout import Layout
from app.exports.text import clean_line, paragraphs

WHY_LIMIT = 600
AGREEMENT_PHRASES = {
    "unanimous": N_("unanimously"),
    "consensus": N_("by consensus"),
    "majority": N_("by a majority"),
    "divided": N_("with the group divided"),
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
        return _("Nobody took part yet.")
    sectors = len(w.sectors_present)
    who = ngettext("{people} person", "{people} people", people).format(people=people)
    where = ngettext("{sectors} sector", "{sectors} sectors", sectors).format(sectors=sectors)
    return _(
        "{who} from {where} took part; {submitted} gave weights to all {criteria} criteria and "
        "rated all {options} options."
    ).format(
        who=who,
        where=where,
        submitted=r.submitted,
        criteria=len(w.criteria),
        options=len(w.options),
    )


def _summary(record: Record, layout: Layout) -> str:
    """The recommendation a director reads in a minute: what was chosen, why, how firmly."""
    w, r = record.workshop, record.results
    took_part = _took_part(record)
    top = r.ranking[0] if r.ranking and r.ranking[0].coverage > 0 else None
    top_text = _("No option has been rated yet.")
    if top:
        top_text = (
            _("The highest-ranked option was {name}, with {score} points out of 100.")
            if w.decision
            else _("The highest-ranked option is {name}, with {score} points out of 100.")
        ).format(name=clean_line(top.name), score=number(top.score, 1))
    d = w.decision
    if d is None:
        draft = _("This is a draft: the group has not yet recorded its decision.")
        return f"{draft} {took_part} {top_text}"
    chosen = next((x for x in r.ranking if x.option == d.option), None)
    how = _(AGREEMENT_PHRASES.get(d.agreement or "", ""))
    sentence = _(
        "The group recommends {option} as the backbone. It chose it on {day}{how}."
    ).format(
        option=clean_line(d.option_name), day=layout.day(d.decided_at), how=" " + how if how else ""
    )
    sentence += " " + _("Why: {why}").format(why=_why(d.rationale)) + " "
    if chosen and not d.departs_from_ranking:
        sentence += _("The chosen option ranked first, with {score} points out of 100.").format(
            score=number(chosen.score, 1)
        )
    elif chosen:
        sentence += _(
            "The chosen option ranked {rank} of {total} with {score} points out of 100."
        ).format(rank=chosen.rank, total=len(r.ranking), score=number(chosen.score, 1))
        sentence += f" {top_text} " + _("The group recorded why it departed from the ranking.")
    sentence += f" {took_part}"
    if d.follow_ups or d.conditions:
        sentence += " " + _("The choice comes with conditions and next steps, set out below.")
    if d.dissent:
        sentence += " " + _("Dissent was recorded.")
    return sentence


def _why(rationale: str) -> str:
    """The group's reason, in one paragraph of at most about 600 characters."""
    text = " ".join(clean_line(rationale).split())
    if len(text) > WHY_LIMIT:
        text = text[:WHY_LIMIT].rsplit(" ", 1)[0] + " " + _("… (continued under Decision)")
    return text if text.endswith((".", "!", "?", ")")) else text + "."


def _agreement_fact(record: Record) -> str:
    d, a = record.workshop.decision, record.analysis
    recorded = term(AGREEMENT_LEVELS.get(d.agreement or "", "")) if d else ""
    words = recorded or (_("Not recorded") if d else _("Not decided"))
    if a is not None and a.agreement.kendall_w is not None:
        words += _("; the members' own rankings show {words}").format(
            words=_(a.agreement.kendall_words)
        )
    return words


def _notice(record: Record) -> str:
    p = record.provenance
    if p is None or p.verified:
        return ""
    return _(
        "NOT VERIFIED. This record was imported from a file whose signature does not verify "
        "under a key this instance trusts: {message}"
    ).format(message=clean_line(p.message))


def _verification(record: Record, fingerprint: str) -> str:
    if record.copy_of is not None:
        whole = (
            " " + _("The workshop's record: {fingerprint}.").format(fingerprint=record.copy_of)
            if record.copy_of
            else ""
        )
        return (
            _(
                "A participant's copy: the group's results and decision, and of the input only "
                "this participant's own; not the workshop's signed record. This copy's "
                "fingerprint (SHA-256) {fingerprint}."
            ).format(fingerprint=fingerprint)
            + whole
        )
    sealed = record.sealed or {}
    signature = sealed.get("signature") if isinstance(sealed, dict | Mapping) else None
    key = signature.get("key_id") if isinstance(signature, dict) else None
    signed = _("signed with key {key}").format(key=key) if key else _("not signed")
    return _(
        "Record fingerprint (SHA-256) {fingerprint}, {signed}. How to check a copy is "
        "explained in the last section of this memo."
    ).format(fingerprint=fingerprint, signed=signed)


def cover(record: Record, fingerprint: str = "", layout: Layout | None = None) -> Cover:
    layout = layout or Layout()
    w = record.workshop
    convener = clean_line(w.convener) or _("Not named")
    facts = [(_("Convener"), convener), (_("Status"), term(STAGE_LABELS[w.stage]))]
    if w.decision:
        facts.insert(0, (_("Recommended backbone"), clean_line(w.decision.option_name)))
        facts.insert(1, (_("Level of agreement"), _agreement_fact(record)))
    facts.append((_("Decided") if w.decision else _("Last activity"), _date(record, layout)))
    facts.append((_("Workshop opened"), layout.day(w.created_at)))
    if w.supersedes is not None:
        revisits = _("the decision of workshop {n}, which this supersedes")
        facts.append((_("Revisits"), revisits.format(n=w.supersedes)))
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
        Paragraph(_("No goal was recorded for this workshop."), "muted")
    ]
    return Section("context", _("Context and goal"), tuple(blocks))
