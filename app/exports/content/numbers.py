"""The numbers in plain words: each figure the memo relies on, its value, and one line on what it
means, so a reader who never heard of S* or Kendall's W can weigh them."""

from __future__ import annotations

from app.exports.content.context import Context
from app.exports.content.model import Paragraph, Section, Table
from app.exports.i18n import N_, _, count, number, percent
from app.exports.text import clean_line

MEANS = {
    "score": N_(
        "The group's weighted ratings on a scale of 0 to 100: 100 would be the best "
        "rating from everyone on every criterion."
    ),
    "consensus": N_(
        "How alike people weighted the criteria (Goepel's S*): 100% means everyone "
        "gave the same weights; below about 65% the room weighed things quite differently."
    ),
    "concordance": N_(
        "How alike people ordered the options by their own input (Kendall's W): "
        "0 means no shared order, 1 means everyone put them in the same order."
    ),
    "acceptability": N_(
        "Rank acceptability: how often the option comes first when the weights are "
        "drawn at random in the way named; a firm first place is well above half the draws."
    ),
    "stability": N_(
        "How far one criterion's weight can move, the others following, before the top "
        "option loses first place: a narrow range means the result hangs on that weight."
    ),
    "spread": N_(
        "Spread (standard deviation) of one option's ratings on one criterion: 0 when "
        "everyone gave the same rating, about 2 when the room split between 1 and 5."
    ),
}


def _rows(ctx: Context) -> list[list[str]]:
    record = ctx.record
    w, r, a = record.workshop, record.results, record.analysis
    rows: list[list[str]] = []
    chosen = w.decision.option if w.decision else (r.ranking[0].option if r.ranking else None)
    ranked = next((x for x in r.ranking if x.option == chosen), None)
    if ranked is not None and ranked.coverage > 0:
        label = _("Score of {option}").format(option=clean_line(ranked.name))
        score = _("{score} of 100").format(score=number(ranked.score, 1))
        rows.append([label, score, _(MEANS["score"])])
    if a is None:
        return rows
    g = a.agreement
    if g.consensus is not None:
        value = f"{percent(g.consensus)} ({_(g.consensus_words)})"
        rows.append([_("Agreement on weights (S*)"), value, _(MEANS["consensus"])])
    if g.kendall_w is not None:
        value = f"{number(g.kendall_w, 2)} ({_(g.kendall_words)})"
        rows.append([_("Agreement on the order (Kendall's W)"), value, _(MEANS["concordance"])])
    s = a.sensitivity
    for sim in s.simulations if s.available else []:
        row = next((x for x in sim.rows if x.option == chosen), sim.rows[0])
        value = _("{option} first in {share} of {samples} draws").format(
            option=clean_line(row.name),
            share=percent(row.shares[0]),
            samples=count(sim.samples),
        )
        label = _("Rank acceptability: {title}").format(title=_(sim.title).lower())
        rows.append([label, value, _(MEANS["acceptability"])])
    if s.available and s.intervals:
        tight = min(s.intervals, key=lambda iv: iv.upper - iv.lower)
        value = _("{criterion}: {low} to {high}").format(
            criterion=clean_line(tight.name), low=percent(tight.lower), high=percent(tight.upper)
        )
        rows.append([_("Narrowest weight range"), value, _(MEANS["stability"])])
    divided = r.most_divided_cells(1)
    if divided:
        (option, criterion), spread = divided[0]
        where = _("{option} on {criterion}").format(
            option=clean_line(w.option(option).name),
            criterion=clean_line(w.criterion(criterion).name),
        )
        value = f"{number(spread.sd, 1)} ({where})"
        rows.append([_("Largest spread"), value, _(MEANS["spread"])])
    return rows


def section(ctx: Context) -> Section:
    rows = _rows(ctx)
    if not rows:
        note = Paragraph(_("No figures yet: nobody has rated the options."), "muted")
        return Section("numbers", _("The numbers in plain words"), (note,))
    table = Table([_("Figure"), _("Value"), _("What it means")], rows, id="numbers-table")
    return Section("numbers", _("The numbers in plain words"), (table,))
