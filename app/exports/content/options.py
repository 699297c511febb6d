"""Options considered: each backbone model the group weighed, best-ranked first, with its summary,
its strengths and drawbacks as the catalogue cites them, its score and its rank."""

from __future__ import annotations

from app.exports.content.context import Context
from app.exports.content.model import Block, Labelled, Paragraph, Section, Subheading
from app.exports.i18n import _, number
from app.exports.text import clean, clean_line


def _listed(ctx: Context, texts: object, sources: list[str]) -> str:
    items = [clean_line(str(t)) for t in texts or [] if str(t).strip()]  # type: ignore[attr-defined]
    if not items:
        return ""
    cites = ctx.refs(sources)
    return "; ".join(i.rstrip(".") for i in items) + "." + (f" {cites}" if cites else "")


def section(ctx: Context) -> Section:
    w, r = ctx.record.workshop, ctx.record.results
    chosen = w.decision.option if w.decision else None
    blocks: list[Block] = [
        Paragraph(
            _(
                "The group weighed {n} options, here in the order of the ranking. "
                "Strengths and drawbacks are the catalogue's, with the documents they come from; "
                "scores are out of 100 (the group's weighted ratings)."
            ).format(n=len(w.options))
        )
    ]
    for x in r.ranking:
        item = w.option(x.option)
        mark = _(" (chosen)") if x.option == chosen else ""
        score = (
            _("{score} of 100").format(score=number(x.score, 1))
            if x.coverage > 0
            else _("not rated")
        )
        # Headings carry only the product's words; the option's (typed) name follows.
        blocks.append(
            Subheading(
                _("Ranked {rank}{mark}: {score}").format(rank=x.rank, mark=mark, score=score)
            )
        )
        blocks.append(Labelled(_("Option"), clean_line(item.name)))
        if item.description.strip():
            blocks.append(Paragraph(clean(item.description).strip(), "typed"))
        sources = [s for s in item.details.get("sources") or [] if isinstance(s, str)]
        strengths = _listed(ctx, item.details.get("pros"), sources)
        drawbacks = _listed(ctx, item.details.get("cons"), sources)
        blocks.append(Labelled(_("Strengths"), strengths or _("None listed for this option.")))
        blocks.append(Labelled(_("Drawbacks"), drawbacks or _("None listed for this option.")))
        blocks.append(
            Labelled(
                _("Score and rank"),
                _("{score}, rank {rank} of {total}.").format(
                    score=score, rank=x.rank, total=len(r.ranking)
                ),
            )
        )
    return Section("options", _("Options considered"), tuple(blocks))
