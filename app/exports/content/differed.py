"""Where the group differed: the cells whose ratings were furthest apart."""

from __future__ import annotations

from app.exports.content.context import Context
from app.exports.content.model import Paragraph, Section, Table
from app.exports.i18n import _, number
from app.exports.text import clean_line

SHOWN = 5


def section(ctx: Context) -> Section:
    w, r = ctx.record.workshop, ctx.record.results
    divided = r.most_divided_cells(SHOWN)
    if not divided:
        return Section(
            "differences",
            _("Where the group differed"),
            (Paragraph(_("The ratings given did not differ.")),),
        )
    table = Table(
        [_("Option"), _("Criterion"), _("Ratings"), _("Lowest"), _("Highest"), _("Spread (SD)")],
        [
            [
                clean_line(w.option(o).name),
                clean_line(w.criterion(c).name),
                str(s.count),
                str(int(s.minimum)),
                str(int(s.maximum)),
                number(s.sd, 2),
            ]
            for (o, c), s in divided
        ],
        numeric=frozenset({2, 3, 4, 5}),
        id="divided",
    )
    intro = Paragraph(
        _(
            "The cells where members' ratings were furthest apart, which the group talked through "
            "first:"
        )
    )
    return Section("differences", _("Where the group differed"), (intro, table))
