"""Options considered: each backbone model the group weighed, best-ranked first, with its summary,
its strengths and drawbacks as the catalogue cites them, its score and its rank."""

from __future__ import annotations

from app.domain.numbers import decimal
from app.exports.content.context import Context
from app.exports.content.model import Block, Labelled, Paragraph, Section, Subheading
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
            f"The group weighed {len(w.options)} options, here in the order of the ranking. "
            "Strengths and drawbacks are the catalogue's, with the documents they come from; "
            "scores are out of 100 (the group's weighted ratings)."
        )
    ]
    for x in r.ranking:
        item = w.option(x.option)
        mark = " (chosen)" if x.option == chosen else ""
        score = f"{decimal(x.score, 1)} of 100" if x.coverage > 0 else "not rated"
        # Headings carry only the product's words; the option's (typed) name follows.
        blocks.append(Subheading(f"Ranked {x.rank}{mark}: {score}"))
        blocks.append(Labelled("Option", clean_line(item.name)))
        if item.description.strip():
            blocks.append(Paragraph(clean(item.description).strip(), "typed"))
        sources = [s for s in item.details.get("sources") or [] if isinstance(s, str)]
        strengths = _listed(ctx, item.details.get("pros"), sources)
        drawbacks = _listed(ctx, item.details.get("cons"), sources)
        blocks.append(Labelled("Strengths", strengths or "None listed for this option."))
        blocks.append(Labelled("Drawbacks", drawbacks or "None listed for this option."))
        blocks.append(Labelled("Score and rank", f"{score}, rank {x.rank} of {len(r.ranking)}."))
    return Section("options", "Options considered", tuple(blocks))
