"""Every weight and rating in long form, one row each, under pseudonymous participant ids.

No names, ever: a participant is P01, P02, ... in the workshop's order (a random one, not
arrival, when it is anonymous). Text a person typed is escaped so a spreadsheet shows it as
text and never evaluates it as a formula.
"""

from __future__ import annotations

import csv
import io

from app.domain.record import Record
from app.domain.results import normalize_points, rating_value
from app.exports.layout import Layout
from app.exports.text import csv_cell

HEADER = [
    "participant",
    "sector",
    "kind",
    "option_key",
    "option",
    "criterion_key",
    "criterion",
    "direction",
    "value",
    "normalized",
    "comment",
]


def render(record: Record, layout: Layout | None = None) -> bytes:
    w = record.workshop
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for person in record.inputs:
        shares = normalize_points(person.points) if sum(person.points.values()) > 0 else {}
        for c in w.criteria:
            if c.key not in person.points:
                continue
            writer.writerow(
                [
                    person.ref,
                    person.sector,
                    "weight",
                    "",
                    "",
                    c.key,
                    csv_cell(c.name),
                    c.direction,
                    f"{person.points[c.key]:g}",
                    f"{shares.get(c.key, 0.0):.6f}",
                    "",
                ]
            )
        for o in w.options:
            for c in w.criteria:
                rating = person.ratings.get((o.key, c.key))
                if rating is None:
                    continue
                writer.writerow(
                    [
                        person.ref,
                        person.sector,
                        "rating",
                        o.key,
                        csv_cell(o.name),
                        c.key,
                        csv_cell(c.name),
                        c.direction,
                        str(rating),
                        f"{rating_value(rating, c.direction):.6f}",
                        csv_cell(person.comments.get((o.key, c.key), "")),
                    ]
                )
    # A byte-order mark lets spreadsheet programs read the file as UTF-8.
    return ("\ufeff" + out.getvalue()).encode()
