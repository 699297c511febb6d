"""What a rationale says, section by section: one model that Markdown, HTML, PDF and Word format.

Every sentence the product writes is built here, once, from the record; the renderers only
lay it out. Text people typed is cleaned of unsafe characters here and escaped by each format.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.catalogue import Source
from app.domain.elicitation import (
    ELICITATIONS,
    RATING_AGGREGATIONS,
    WEIGHT_AGGREGATIONS,
    MethodSettings,
)
from app.domain.errors import InvalidInput
from app.domain.numbers import decimal, percent
from app.domain.planning import PlanSummary, plan_source_keys
from app.domain.record import Record
from app.domain.workshop import AGREEMENT_LEVELS, SECTORS, STAGE_LABELS, Stage
from app.exports.text import clean, clean_line, paragraphs

AGREEMENT_PHRASES = {
    "unanimous": "unanimously",
    "consensus": "by consensus",
    "majority": "by a majority",
    "divided": "with the group divided",
}

EVENT_LABELS = {
    "created": "Workshop opened",
    "stage": "Stage changed",
    "joined": "Joined",
    "weights": "Gave weights",
    "ratings": "Gave ratings",
    "criterion-added": "Criterion added",
    "criterion-removed": "Criterion removed",
    "option-added": "Option added",
    "option-removed": "Option removed",
    "decided": "Decision recorded",
}

# Up to this many criteria, tables head their columns with names; beyond, with C1, C2, ...
NAMED_COLUMNS = 5

PLANNING = "collective-action-backbone-planning"
STATES = "bsi-state-health-department-backbone-models"


@dataclass(frozen=True)
class Consideration:
    topic: str
    text: str
    source: str  # a key of sources.yaml


# The planning questions the sources put to a group once it has chosen, in our own words.
CONSIDERATIONS: tuple[Consideration, ...] = (
    Consideration(
        "Existing home or new structure",
        "Decide whether the backbone will sit inside an organization that already exists or "
        "in a structure created for it. If an existing organization is to host it, agree "
        "whether any partner may put itself forward (an open call) or whether the group "
        "invites one directly (a closed process).",
        PLANNING,
    ),
    Consideration(
        "Staff and reporting lines",
        "Estimate how many full-time staff the backbone needs at the start, how that number "
        "can grow or shrink with the work, and to whom the staff will answer day to day.",
        PLANNING,
    ),
    Consideration(
        "Fiscal agent and physical home",
        "Settle which organization holds and accounts for the money, and whether that is also "
        "where the staff work; the two can be different organizations.",
        PLANNING,
    ),
    Consideration(
        "Funding now and later",
        "Name who pays for salaries, benefits and running costs in the first year or two, and "
        "who will pay once start-up money ends.",
        PLANNING,
    ),
    Consideration(
        "Does the backbone reflect the community",
        "Check that the staff and leadership of the backbone mirror the community the network "
        "serves, for example in income, gender, race, ethnicity, language and lived "
        "experience, and that the sectors missing from this workshop are brought in.",
        PLANNING,
    ),
    Consideration(
        "Allow time for contracts",
        "In the state health department projects, signing agreements with partners held up "
        "the work in the first year in every state and again in the second year in several. "
        "Start contracting early, reuse agreements already in place where possible, and "
        "build the delay into the plan.",
        STATES,
    ),
)


@dataclass(frozen=True)
class Cited:
    """A document in the bibliography, from the catalogue's sources carried by the record."""

    key: str
    title: str
    publisher: str | None
    year: int | None

    @classmethod
    def of(cls, source: Source) -> Cited:
        return cls(source.key, " ".join(source.title.split()), source.publisher, source.year)

    @property
    def reference(self) -> str:
        """Title, then publisher and year where the document states them."""
        tail = ", ".join(str(x) for x in (self.publisher, self.year) if x)
        return f"{self.title}. {tail}." if tail else f"{self.title}."


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    numeric: frozenset[int] = frozenset()  # column indexes aligned right
    caption: str = ""


@dataclass(frozen=True)
class Field:
    label: str
    text: str  # cleaned typed text; may hold line breaks
    typed: bool = True


@dataclass(frozen=True)
class PlanPoint:
    """One consequence of the department's answers: what follows, why, and where it is from."""

    says: str
    because: str
    cites: str  # "[2, 5]" or ""


@dataclass(frozen=True)
class PlanSection:
    """The backbone plan the workshop was made from, section by section."""

    title: str
    intro: str
    situation: Table
    consequences: list[PlanPoint]
    model: str
    functions: Table
    staff: Table
    budget: Table
    budget_note: str
    selection: Table
    reports_to: str
    phases: Table
    phases_note: str
    cases: Table | None


@dataclass(frozen=True)
class Rationale:
    """The document, section by section, with the record it came from."""

    record: Record
    title: str
    convener: str
    status: str
    date: str
    cover: list[tuple[str, str]]
    summary: str
    goal: list[str]
    participation: Table | None
    participation_note: str
    missing_sectors: list[str]
    method: list[str]
    criteria: Table
    weights_note: str
    criterion_labels: dict[str, str]
    legend: list[tuple[str, str]]
    matrix: Table
    ranking: Table
    divided: Table | None
    robustness: list[str]
    stability: Table | None
    decision: list[Field]
    decision_note: str
    considerations: list[tuple[Consideration, int]]
    sources: list[tuple[int, Cited]]
    comments: Table | None
    timeline: Table
    fingerprint: str
    plan: PlanSection | None = None

    def cite(self, key: str) -> str:
        """The bibliography number of a source, or "" when the record carries no such source."""
        return next((str(n) for n, s in self.sources if s.key == key), "")


def _date(record: Record) -> str:
    w = record.workshop
    if w.decision:
        return f"{w.decision.decided_at:%Y-%m-%d}"
    latest = max((e.at for e in record.events), default=w.created_at)
    return f"{latest:%Y-%m-%d}"


def _summary(record: Record) -> str:
    w, r = record.workshop, record.results
    people = len(w.participants)
    sectors = len(w.sectors_present)
    took_part = (
        f"{people} {'person' if people == 1 else 'people'} from {sectors} "
        f"{'sector' if sectors == 1 else 'sectors'} took part; {r.submitted} gave weights to "
        f"all {len(w.criteria)} criteria and rated all {len(w.options)} options."
        if people
        else "Nobody took part yet."
    )
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


def _participation(record: Record) -> tuple[Table | None, str, list[str]]:
    w = record.workshop
    if not w.participants:
        return None, "Nobody has joined yet.", list(SECTORS.values())
    present = w.sectors_present
    finished: dict[str, int] = {}
    for p in w.participants:
        finished[p.sector] = finished.get(p.sector, 0) + int(p.submitted)
    table = Table(
        ["Sector", "Took part", "Finished their input"],
        [[SECTORS.get(k, k), str(n), str(finished.get(k, 0))] for k, n in sorted(present.items())],
        numeric=frozenset({1, 2}),
    )
    missing = [label for key, label in SECTORS.items() if key not in present and key != "other"]
    note = (
        f"{len(w.participants)} took part; {record.results.submitted} gave weights and rated "
        "every option on every criterion."
    )
    if w.anonymous:
        note += " The workshop was anonymous: this document names nobody who took part."
    return table, note, missing


def _method_choices(record: Record) -> str:
    """A sentence naming the facilitator's method choices when they differ from the default."""
    try:
        chosen = MethodSettings.from_dict((record.workshop.settings or {}).get("method"))
    except InvalidInput:
        return ""
    if chosen == MethodSettings():
        return ""
    parts = [
        f"weights were given by: {ELICITATIONS.get(chosen.elicitation, chosen.elicitation)}",
        "weights were combined by: "
        + WEIGHT_AGGREGATIONS.get(chosen.weight_aggregation, chosen.weight_aggregation),
        "ratings were combined by: "
        + RATING_AGGREGATIONS.get(chosen.rating_aggregation, chosen.rating_aggregation),
    ]
    if chosen.participant_weights:
        parts.append(
            "some members' input counted more or less than others', as set by the facilitator"
        )
    return (
        "This workshop used its own method settings, which replace the matching steps above: "
        + "; ".join(parts)
        + "."
    )


def _method(record: Record) -> list[str]:
    note = _method_choices(record)
    return [
        "Each participant shared 100 points among the criteria, giving more to what mattered "
        "more to them. Their points were scaled to add up to one, and a criterion's group "
        "weight is the average over everyone who gave weights.",
        "Each participant then rated every option on every criterion from 1 to 5, with the "
        "meaning of 1, 3 and 5 in view. The group rating of a cell is the average of the "
        "ratings given. A rating is turned into a value from 0 to 1; on a cost criterion, "
        "where 5 means the most of the cost, the value is reversed so that less cost is better.",
        "An option's score is 100 times the weighted sum of its values, so it runs from 0 to "
        "100. Options with equal scores share a rank. The score supports the group's "
        "discussion; the decision below is the group's own.",
    ] + ([note] if note else [])


def _labels(record: Record) -> tuple[dict[str, str], list[tuple[str, str]]]:
    criteria = record.workshop.criteria
    if len(criteria) <= NAMED_COLUMNS:
        return {c.key: clean_line(c.name) for c in criteria}, []
    labels = {c.key: f"C{i}" for i, c in enumerate(criteria, start=1)}
    return labels, [(labels[c.key], clean_line(c.name)) for c in criteria]


def _criteria(record: Record) -> tuple[Table, str]:
    w, r = record.workshop, record.results
    spread = r.weight_spread
    rows = []
    for i, c in enumerate(w.criteria, start=1):
        s = spread.get(c.key)
        rows.append(
            [
                f"C{i}",
                clean_line(c.name),
                "cost" if c.direction == "cost" else "benefit",
                percent(r.weights[c.key]),
                f"{percent(s.minimum)} to {percent(s.maximum)}" if s else "–",
            ]
        )
    note = "" if r.weights_given_by else "Nobody gave weights, so every criterion counted the same."
    table = Table(
        ["#", "Criterion", "Counts as", "Group weight", "Members' range"],
        rows,
        numeric=frozenset({3, 4}),
    )
    return table, note


def _matrix(record: Record, labels: dict[str, str]) -> Table:
    w, r = record.workshop, record.results
    scores = {x.option: x.score for x in r.ranking}
    rows = [
        [clean_line(o.name)]
        + [
            decimal(r.scores[o.key][c.key], 1) if c.key in r.scores[o.key] else "–"
            for c in w.criteria
        ]
        + [decimal(scores[o.key], 1)]
        for o in w.options
    ]
    return Table(
        ["Option"] + [labels[c.key] for c in w.criteria] + ["Score"],
        rows,
        numeric=frozenset(range(1, len(w.criteria) + 2)),
        caption="Group mean rating of each option on each criterion (1 to 5), and its score.",
    )


def _ranking(record: Record) -> Table:
    d = record.workshop.decision
    return Table(
        ["Rank", "Option", "Score (0-100)", "Rated on"],
        [
            [
                str(x.rank),
                clean_line(x.name) + (" (chosen)" if d and d.option == x.option else ""),
                decimal(x.score, 1),
                percent(x.coverage) + " of the weight",
            ]
            for x in record.results.ranking
        ],
        numeric=frozenset({0, 2}),
    )


def _divided(record: Record) -> Table | None:
    w, r = record.workshop, record.results
    divided = r.most_divided_cells(5)
    if not divided:
        return None
    return Table(
        ["Option", "Criterion", "Ratings", "Lowest", "Highest", "Spread (SD)"],
        [
            [
                clean_line(w.option(o).name),
                clean_line(w.criterion(c).name),
                str(s.count),
                str(int(s.minimum)),
                str(int(s.maximum)),
                decimal(s.sd, 2),
            ]
            for (o, c), s in divided
        ],
        numeric=frozenset({2, 3, 4, 5}),
    )


def _robustness(record: Record) -> tuple[list[str], Table | None]:
    rb = record.robustness
    if rb is None:
        return [
            "How firm the ranking is was not computed: it needs at least two options, each "
            "rated on every criterion."
        ], None
    lines = []
    if rb.concordance is not None:
        lines.append(
            f"Agreement on the order of the options (Kendall's W) was {decimal(rb.concordance, 2)} "
            f"across the {rb.members} members who finished their input, on a scale where 0 "
            "means no shared ordering and 1 means everyone ordered the options alike."
        )
    if not rb.stability:
        return lines, None
    top = record.results.ranking[0]
    lines.append(
        f"The table shows, for each criterion, how far its weight could move (the others "
        f"adjusting in proportion) while {clean_line(top.name)} stays ranked first."
    )
    rows = []
    for c in record.workshop.criteria:
        lo, hi = rb.stability[c.key]
        firm = "any weight" if lo <= 0.0005 and hi >= 0.9995 else f"{percent(lo)} to {percent(hi)}"
        rows.append([clean_line(c.name), percent(record.results.weights[c.key]), firm])
    return lines, Table(
        ["Criterion", "Weight now", "Top option stays first from"], rows, numeric=frozenset({1})
    )


def _decision(record: Record) -> tuple[list[Field], str]:
    w = record.workshop
    d = w.decision
    if d is None:
        return [], "No decision has been recorded yet."
    fields = [Field("Chosen backbone", clean_line(d.option_name), typed=False)]
    fields.append(Field("Why the group chose it", clean(d.rationale).strip()))
    if d.departs_from_ranking:
        tops = ", ".join(clean_line(w.option(k).name) for k in d.top_options)
        fields.append(
            Field("Departure from the ranking", f"The top-ranked option was {tops}.", typed=False)
        )
        if d.departure_reason:
            fields.append(Field("Why not the top-ranked option", clean(d.departure_reason).strip()))
    fields.append(
        Field(
            "Level of agreement",
            AGREEMENT_LEVELS.get(d.agreement or "", "Not recorded"),
            typed=False,
        )
    )
    fields.append(Field("Dissent", clean(d.dissent).strip() or "None recorded."))
    fields.append(Field("Conditions", clean(d.conditions).strip() or "None attached."))
    fields.append(Field("Recorded", f"{d.decided_at:%Y-%m-%d %H:%M} UTC", typed=False))
    return fields, ""


def _sources(record: Record) -> list[tuple[int, Cited]]:
    keys: list[str] = []
    for item in (*record.workshop.criteria, *record.workshop.options):
        for key in item.details.get("sources", []) or []:
            if isinstance(key, str) and key not in keys:
                keys.append(key)
    if record.plan is not None:
        keys += [k for k in plan_source_keys(record.plan) if k not in keys]
    for c in CONSIDERATIONS:
        if c.source not in keys:
            keys.append(c.source)
    known = record.sources
    cited = [Cited.of(known[k]) for k in keys if k in known]
    return list(enumerate(cited, start=1))


def money(amount: int, currency: str) -> str:
    sign = "-" if amount < 0 else ""
    return f"{sign}${abs(amount):,}" if currency == "USD" else f"{sign}{abs(amount):,} {currency}"


def _fte(value: float) -> str:
    return f"{value:g}"


def _refs(doc_keys: list[str], keys: tuple[str, ...] | list[str]) -> str:
    numbers = sorted({doc_keys.index(k) + 1 for k in keys if k in doc_keys})
    return f"[{', '.join(str(n) for n in numbers)}]" if numbers else ""


def _plan(plan: PlanSummary, cited: list[str]) -> PlanSection:
    questions = {a.question: a for a in plan.answers}

    def answer(question: str, value: str) -> str:
        q = questions.get(question)
        label = q.answer_label if q and q.answer == value else None
        return f"{clean_line(q.text) if q else question} — {clean_line(label or value)}"

    answered = sum(1 for a in plan.answers if a.answer is not None)
    situation = Table(
        ["Question", "The department's answer"],
        [[clean_line(a.text), clean_line(a.answer_label or "Not answered")] for a in plan.answers],
        caption=f"{answered} of {len(plan.answers)} questions answered.",
    )
    points = [
        PlanPoint(
            clean_line(c.says),
            "; ".join(answer(q, v) for q, v in c.because),
            _refs(cited, c.sources),
        )
        for c in plan.consequences
    ]
    how = "chosen by the planner" if plan.model_chosen else "the model the answers lean to"
    functions = Table(
        ["Function", "Carried by", "Short-term measure", "Intermediate measure"],
        [
            [
                clean_line(f.name),
                clean_line(f.carrier_label),
                clean_line(f.measures.short_term) if f.measures else "–",
                clean_line(f.measures.intermediate) if f.measures else "–",
            ]
            for f in plan.functions
        ],
    )
    staff = Table(
        ["Staff role", "FTE"],
        [[clean_line(s.name), _fte(s.fte)] for s in plan.staff] + [["Total", _fte(plan.total_fte)]],
        numeric=frozenset({1}),
    )
    b = plan.budget
    budget = Table(
        ["Category", "Line", "Amount", "Reference"],
        [
            [
                clean_line(line.category),
                clean_line(line.label) + (" (share of salaries)" if line.computed else ""),
                money(line.amount, b.currency),
                money(line.reference, b.currency) if line.reference is not None else "–",
            ]
            for line in b.lines
        ]
        + [["", "Total", money(b.total, b.currency), money(b.reference_total, b.currency)]],
        numeric=frozenset({2, 3}),
    )
    if b.difference == 0:
        difference = "the same as the reference budget"
    else:
        word = "more" if b.difference > 0 else "less"
        difference = f"{money(abs(b.difference), b.currency)} {word} than the reference budget"
    budget_note = (
        f"Total {money(b.total, b.currency)}, {difference} "
        f"({money(b.reference_total, b.currency)}, figures of {b.year}) "
        f"{_refs(cited, (b.source,))}."
    ).replace(" .", ".")
    selection = Table(
        ["Question", "Choice"],
        [
            [clean_line(c.question), clean_line(c.choice_label or "Not decided")]
            for c in plan.selection
        ],
    )
    done = sum(1 for ph in plan.phases if ph.done)
    phases = Table(
        ["Phase", "Component", "Step", "Status"],
        [
            [
                clean_line(ph.phase) if i == 0 or plan.phases[i - 1].phase != ph.phase else "",
                clean_line(ph.component),
                clean_line(ph.text),
                "Done" if ph.done else "To do",
            ]
            for i, ph in enumerate(plan.phases)
        ],
    )
    cases = (
        Table(
            ["Case", "Similarity", "Alike on", "Sources"],
            [
                [
                    clean_line(m.case.name),
                    percent(m.score),
                    "; ".join(answer(q, v) for q, v in m.alike) or "Neighbouring answers only",
                    _refs(cited, m.case.sources),
                ]
                for m in plan.similar_cases
            ],
            numeric=frozenset({1}),
        )
        if plan.similar_cases
        else None
    )
    return PlanSection(
        title=clean_line(plan.title),
        intro=(
            "This workshop was opened from a state health department's backbone plan. The "
            "plan records the department's situation, what follows from it and how the backbone "
            "would be organized; the group's own weighing and decision are set out above."
        ),
        situation=situation,
        consequences=points,
        model=f"{clean_line(plan.model_name)} ({how})",
        functions=functions,
        staff=staff,
        budget=budget,
        budget_note=budget_note,
        selection=selection,
        reports_to=clean_line(plan.reports_to) or "Not decided",
        phases=phases,
        phases_note=f"{done} of {len(plan.phases)} steps done.",
        cases=cases,
    )


def _comments(record: Record) -> Table | None:
    w = record.workshop
    rows = []
    for o in w.options:
        for c in w.criteria:
            for text in record.comments.get((o.key, c.key), []):
                rows.append([clean_line(o.name), clean_line(c.name), clean_line(text)])
    if not rows:
        return None
    return Table(["Option", "Criterion", "Comment"], rows)


def _event_text(record: Record, kind: str, detail: str) -> str:
    w = record.workshop
    if kind == "stage":
        try:
            return STAGE_LABELS[Stage(detail)]
        except ValueError:
            return clean_line(detail)
    if kind == "decided":
        return next((clean_line(o.name) for o in w.options if o.key == detail), clean_line(detail))
    return clean_line(detail)


def _timeline(record: Record) -> Table:
    return Table(
        ["When (UTC)", "What", "Detail"],
        [
            [
                f"{e.at:%Y-%m-%d %H:%M}",
                EVENT_LABELS.get(e.kind, clean_line(e.kind)),
                _event_text(record, e.kind, e.detail),
            ]
            for e in record.events
        ],
    )


def build(record: Record, fingerprint: str) -> Rationale:
    w = record.workshop
    labels, legend = _labels(record)
    participation, participation_note, missing = _participation(record)
    criteria, weights_note = _criteria(record)
    robustness, stability = _robustness(record)
    decision, decision_note = _decision(record)
    sources = _sources(record)
    keys = [s.key for _, s in sources]
    status = STAGE_LABELS[w.stage]
    date = _date(record)
    convener = clean_line(w.convener) or "Not named"
    cover = [("Convener", convener), ("Status", status)]
    if w.decision:
        cover.insert(0, ("Chosen backbone", clean_line(w.decision.option_name)))
    cover.append(("Decided" if w.decision else "Last activity", date))
    cover.append(("Workshop opened", f"{w.created_at:%Y-%m-%d}"))
    return Rationale(
        record=record,
        title=clean_line(w.title),
        convener=convener,
        status=status,
        date=date,
        cover=cover,
        summary=_summary(record),
        goal=paragraphs(w.goal),
        participation=participation,
        participation_note=participation_note,
        missing_sectors=missing,
        method=_method(record),
        criteria=criteria,
        weights_note=weights_note,
        criterion_labels=labels,
        legend=legend,
        matrix=_matrix(record, labels),
        ranking=_ranking(record),
        divided=_divided(record),
        robustness=robustness,
        stability=stability,
        decision=decision,
        decision_note=decision_note,
        considerations=[(c, keys.index(c.source) + 1) for c in CONSIDERATIONS if c.source in keys],
        sources=sources,
        comments=_comments(record),
        timeline=_timeline(record),
        fingerprint=fingerprint,
        plan=_plan(record.plan, keys) if record.plan is not None else None,
    )
