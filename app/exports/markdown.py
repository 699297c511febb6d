"""The rationale document as Markdown."""

from __future__ import annotations

from app.domain.record import Record
from app.domain.workshop import AGREEMENT_LEVELS, SECTORS, STAGE_LABELS
from app.exports.text import md_block, md_cell, md_escape, num, pct


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines + [""]


def render(record: Record) -> bytes:
    w, r = record.workshop, record.results
    out: list[str] = [f"# Backbone selection rationale: {md_escape(w.title)}", ""]
    out += [
        f"- **Convener:** {md_cell(w.convener) or 'not named'}",
        f"- **Status:** {STAGE_LABELS[w.stage]}",
        f"- **Workshop opened:** {w.created_at:%Y-%m-%d}",
    ]
    if w.decision:
        out.append(f"- **Decided:** {w.decision.decided_at:%Y-%m-%d %H:%M} UTC")
    out += [
        "",
        "## Context and goal",
        "",
        md_block(w.goal) if w.goal else "_No goal recorded._",
        "",
    ]

    out += ["## Who took part", ""]
    present = w.sectors_present
    if w.participants:
        out += _table(
            ["Sector", "Participants"],
            [[SECTORS.get(k, k), str(n)] for k, n in sorted(present.items())],
        )
        missing = [label for key, label in SECTORS.items() if key not in present]
        out += [
            f"{len(w.participants)} took part; {r.submitted} gave weights and rated every option "
            "on every criterion.",
            "",
        ]
        if missing:
            out += [f"Sectors not represented: {', '.join(missing)}.", ""]
    else:
        out += ["Nobody has joined yet.", ""]

    out += [
        "## Method",
        "",
        "Each participant shared 100 points across the criteria; a participant's points were "
        "scaled to sum to one and the group weight of a criterion is the mean over everyone who "
        "gave weights. Each participant rated every option on every criterion from 1 to 5. The "
        "group rating of a cell is the mean of the ratings given. A rating becomes a value from 0 "
        "to 1, reversed on cost criteria (where 5 means the most cost), and an option's score is "
        "100 times the weighted sum of its values. Equal scores share a rank.",
        "",
        "## Criteria and weights",
        "",
    ]
    out += _table(
        ["Criterion", "Counts as", "Group weight"],
        [
            [
                md_cell(c.name),
                "a cost" if c.direction == "cost" else "a benefit",
                pct(r.weights[c.key]),
            ]
            for c in w.criteria
        ],
    )
    if not r.weights_given_by:
        out += ["_Nobody gave weights, so every criterion counted the same._", ""]

    out += ["## Ratings (group mean, 1 to 5)", ""]
    out += _table(
        ["Option"] + [md_cell(c.name) for c in w.criteria],
        [
            [md_cell(o.name)]
            + [
                num(r.scores[o.key][c.key], 1) if c.key in r.scores[o.key] else "–"
                for c in w.criteria
            ]
            for o in w.options
        ],
    )

    out += ["## Ranking", ""]
    out += _table(
        ["Rank", "Option", "Score (0-100)"],
        [[str(x.rank), md_cell(x.name), num(x.score, 1)] for x in r.ranking],
    )

    out += ["## Where the group differed", ""]
    divided = r.most_divided_cells(5)
    if divided:
        out += _table(
            ["Option", "Criterion", "Ratings given", "Lowest", "Highest", "Spread (SD)"],
            [
                [
                    md_cell(w.option(o).name),
                    md_cell(w.criterion(c).name),
                    str(s.count),
                    str(int(s.minimum)),
                    str(int(s.maximum)),
                    num(s.sd),
                ]
                for (o, c), s in divided
            ],
        )
    else:
        out += ["The ratings given did not differ.", ""]

    out += ["## Decision", ""]
    d = w.decision
    if d is None:
        out += ["_No decision has been recorded yet._", ""]
    else:
        out += [
            f"**Chosen backbone:** {md_cell(d.option_name)}",
            "",
            "**Why:**",
            "",
            md_block(d.rationale),
            "",
        ]
        if d.departs_from_ranking:
            tops = ", ".join(md_cell(w.option(k).name) for k in d.top_options)
            out += [f"The choice differs from the top of the ranking ({tops}).", ""]
            if d.departure_reason:
                out += ["**Why not the top-ranked option:**", "", md_block(d.departure_reason), ""]
        agreement = AGREEMENT_LEVELS.get(d.agreement or "", "not recorded")
        out += [f"**Level of agreement:** {agreement}", ""]
        out += ["**Dissent:**", "", md_block(d.dissent) if d.dissent else "_None recorded._", ""]
        if d.conditions:
            out += ["**Conditions:**", "", md_block(d.conditions), ""]
        out += [f"**Date:** {d.decided_at:%Y-%m-%d}", ""]
    out += [
        "---",
        "",
        "Backbone models and criteria draw on: Building Backbone Organizations for Collective "
        "Impact (California Health Professions Consortium, 2012); lessons from five state health "
        "departments on backbone models; collective-action backbone planning guidance; the "
        "collective impact backbone FAQ; and an overview of backbones in multisector "
        "collaboratives.",
        "",
    ]
    return "\n".join(out).encode()
