"""The planning catalogue: criteria/planning/ (the state health department's questionnaire,
rules, cases, backbone and budget) read through the loader and checked against itself and the
selection catalogue into frozen domain objects."""

from __future__ import annotations

from pathlib import Path

from app.catalogue.loader import (
    CATALOGUE_DIR,
    CatalogueError,
    CatalogueProblem,
    Checker,
    read_file,
)
from app.catalogue.planning_files import (
    BackboneFile,
    BudgetFile,
    CasesFile,
    ConsequencesFile,
    OptionIn,
    QuestionIn,
    QuestionnaireFile,
)
from app.catalogue.planning_translation import check_plan_text
from app.domain.catalogue import Catalogue
from app.domain.planning.catalogue import (
    BackboneFunction,
    Case,
    Condition,
    Conditions,
    Emphasis,
    Measures,
    Option,
    Phase,
    PhaseStep,
    PlanningCatalogue,
    Question,
    ReferenceBudget,
    ReferenceLine,
    Rule,
    SelectionChoice,
    StaffRole,
)

PLANNING_DIR = CATALOGUE_DIR / "planning"
QUESTIONNAIRE_FILE = "questionnaire.yaml"
CONSEQUENCES_FILE = "consequences.yaml"
CASES_FILE = "cases.yaml"
BACKBONE_FILE = "backbone.yaml"
BUDGET_FILE = "budget.yaml"


def _check_answers(
    check: Checker,
    questions: dict[str, QuestionIn],
    answers: dict[str, list[str]] | dict[str, str],
    file: str,
    path: str,
) -> None:
    for q, values in answers.items():
        question = questions.get(q)
        if question is None:
            check.add(
                file, f"{path}.{q}", f"unknown question '{q}' (known: {', '.join(questions)})"
            )
            continue
        options = [o.key for o in question.options]
        for v in [values] if isinstance(values, str) else values:
            if v not in options:
                check.add(
                    file, f"{path}.{q}", f"'{v}' is not an answer to '{q}' ({', '.join(options)})"
                )


def _cross_check(
    directory: Path,
    catalogue: Catalogue,
    qf: QuestionnaireFile,
    rf: ConsequencesFile,
    cf: CasesFile,
    bf: BackboneFile,
    gf: BudgetFile,
) -> list[CatalogueProblem]:
    check = Checker()
    f_q, f_r, f_c, f_b, f_g = (
        f"{directory.name}/{n}"
        for n in (QUESTIONNAIRE_FILE, CONSEQUENCES_FILE, CASES_FILE, BACKBONE_FILE, BUDGET_FILE)
    )
    sources, criteria, models = (
        list(catalogue.sources),
        list(catalogue.criteria),
        list(catalogue.models),
    )
    questions = {q.key: q for q in qf.questions}

    check.unique([q.key for q in qf.questions], f_q, "questions", "question key")
    for i, q in enumerate(qf.questions):
        check.unique([o.key for o in q.options], f_q, f"questions[{i}].options", "option key")
        check.known(q.sources, sources, f_q, f"questions[{i}].sources", "source")

    check.unique([r.key for r in rf.rules], f_r, "rules", "rule key")
    for i, r in enumerate(rf.rules):
        _check_answers(check, questions, r.when, f_r, f"rules[{i}].when")
        _check_answers(check, questions, r.unless, f_r, f"rules[{i}].unless")
        emphasized = [e.criterion for e in r.emphases]
        check.known(emphasized, criteria, f_r, f"rules[{i}].emphases", "criterion")
        check.known(list(r.leans), models, f_r, f"rules[{i}].leans", "model")
        check.known(r.sources, sources, f_r, f"rules[{i}].sources", "source")

    check.unique([c.key for c in cf.cases], f_c, "cases", "case key")
    for i, c in enumerate(cf.cases):
        check.known([c.model], models, f_c, f"cases[{i}].model", "model")
        _check_answers(check, questions, c.features, f_c, f"cases[{i}].features")
        check.known(c.sources, sources, f_c, f"cases[{i}].sources", "source")

    carriers = [c.key for c in bf.carriers]
    check.unique(carriers, f_b, "carriers", "carrier key")
    check.unique([f.key for f in bf.functions], f_b, "functions", "function key")
    for i, f in enumerate(bf.functions):
        check.known([f.carrier], carriers, f_b, f"functions[{i}].carrier", "carrier")
        by_model = f"functions[{i}].carriers_by_model"
        check.known(list(f.carriers_by_model), models, f_b, by_model, "model")
        check.known(list(f.carriers_by_model.values()), carriers, f_b, by_model, "carrier")
        check.known(f.sources, sources, f_b, f"functions[{i}].sources", "source")
    check.unique([r.key for r in bf.staff_roles], f_b, "staff_roles", "role key")
    for i, s in enumerate(bf.staff_roles):
        check.known(s.sources, sources, f_b, f"staff_roles[{i}].sources", "source")
    check.unique([s.key for s in bf.selection], f_b, "selection", "choice key")
    check.unique([c.key for c in bf.conditions.items], f_b, "conditions.items", "condition key")
    check.known(bf.conditions.sources, sources, f_b, "conditions.sources", "source")
    steps = [s.key for p in bf.phases for s in p.steps]
    check.unique(steps, f_b, "phases.steps", "step key")
    check.unique([p.key for p in bf.phases], f_b, "phases", "phase key")

    check.known([gf.source], sources, f_g, "source", "source")
    source = catalogue.sources.get(gf.source)
    if source is not None and source.year is not None and source.year != gf.year:
        check.add(f_g, "year", f"must be {source.year}, the year of '{gf.source}'")
    check.unique([line.key for line in gf.lines], f_g, "lines", "line key")
    summed = sum(line.amount for line in gf.lines)
    if summed != gf.total:
        check.add(f_g, "total", f"is {gf.total:,} but the lines add up to {summed:,}")
    if any(line.share_of_salaries for line in gf.lines) and not any(s.salary for s in gf.lines):
        check.add(f_g, "lines", "a share of salaries needs at least one line with salary: true")
    roles = [r.key for r in bf.staff_roles]
    for i, line in enumerate(gf.lines):
        if line.role is None:
            continue
        check.known([line.role], roles, f_g, f"lines[{i}].role", "staff role")
        if not line.salary or line.fte is None:
            check.add(f_g, f"lines[{i}].role", "a line paid by a role needs salary: true and fte")
    if catalogue.templates.get(PlanningCatalogue.template) is None:
        check.add(f_c, "(file)", f"the catalogue has no template '{PlanningCatalogue.template}'")
    return check.problems


def _rules(rf: ConsequencesFile) -> tuple[Rule, ...]:
    return tuple(
        Rule(
            key=r.key,
            when=tuple((q, tuple(v)) for q, v in r.when.items()),
            unless=tuple((q, tuple(v)) for q, v in r.unless.items()),
            match=r.match,
            says=r.says,
            emphases=tuple(Emphasis(e.criterion, e.change) for e in r.emphases),
            flags=tuple(r.flags),
            leans=tuple(r.leans.items()),
            sources=tuple(r.sources),
        )
        for r in rf.rules
    )


def _budget(gf: BudgetFile) -> ReferenceBudget:
    lines = tuple(
        ReferenceLine(
            line.key,
            line.category,
            line.label,
            line.amount,
            line.salary,
            line.share_of_salaries,
            line.role,
            line.fte,
        )
        for line in gf.lines
    )
    return ReferenceBudget(gf.source, gf.year, gf.currency, gf.total, lines, gf.covered_by)


def _to_domain(
    qf: QuestionnaireFile, rf: ConsequencesFile, cf: CasesFile, bf: BackboneFile, gf: BudgetFile
) -> PlanningCatalogue:
    def options(items: list[OptionIn]) -> tuple[Option, ...]:
        return tuple(Option(o.key, o.label) for o in items)

    return PlanningCatalogue(
        questions={
            q.key: Question(q.key, q.text, q.why, q.ordered, options(q.options), tuple(q.sources))
            for q in qf.questions
        },
        rules=_rules(rf),
        cases={
            c.key: Case(
                c.key,
                c.name,
                c.kind,
                c.model,
                c.summary,
                tuple(c.lessons),
                tuple(c.features.items()),
                tuple(c.sources),
            )
            for c in cf.cases
        },
        carriers=options(bf.carriers),
        functions=tuple(
            BackboneFunction(
                f.key,
                f.name,
                f.description,
                f.carrier,
                tuple(f.carriers_by_model.items()),
                Measures(f.measures.short_term, f.measures.intermediate) if f.measures else None,
                tuple(f.sources),
            )
            for f in bf.functions
        ),
        staff_roles=tuple(
            StaffRole(s.key, s.name, float(s.fte), tuple(s.duties), tuple(s.sources))
            for s in bf.staff_roles
        ),
        selection=tuple(
            SelectionChoice(s.key, s.question, options(s.options), tuple(s.sources))
            for s in bf.selection
        ),
        phases=tuple(
            Phase(
                p.key,
                p.name,
                tuple(PhaseStep(s.key, s.component, s.text) for s in p.steps),
                tuple(p.sources),
            )
            for p in bf.phases
        ),
        budget=_budget(gf),
        conditions=Conditions(
            bf.conditions.intro,
            tuple(Condition(c.key, c.name, c.text) for c in bf.conditions.items),
            tuple(bf.conditions.sources),
        ),
    )


def load_planning(catalogue: Catalogue, directory: Path = PLANNING_DIR) -> PlanningCatalogue:
    """Read and check every planning file, and the catalogue's translations of them
    (criteria/<language>/planning/, read with the catalogue) against it; raise CatalogueError
    listing each problem found."""
    directory = Path(directory)
    problems: list[CatalogueProblem] = []
    qf = read_file(directory, QUESTIONNAIRE_FILE, QuestionnaireFile, problems)
    rf = read_file(directory, CONSEQUENCES_FILE, ConsequencesFile, problems)
    cf = read_file(directory, CASES_FILE, CasesFile, problems)
    bf = read_file(directory, BACKBONE_FILE, BackboneFile, problems)
    gf = read_file(directory, BUDGET_FILE, BudgetFile, problems)
    if problems or qf is None or rf is None or cf is None or bf is None or gf is None:
        raise CatalogueError(problems)
    problems = _cross_check(directory, catalogue, qf, rf, cf, bf, gf)
    if problems:
        raise CatalogueError(problems)
    planning = _to_domain(qf, rf, cf, bf, gf)
    for language, text in catalogue.translations.items():
        if text.plan is not None:
            shown = f"{directory.parent.name}/{language}/{directory.name}"
            problems += check_plan_text(planning, text.plan, shown)
    if problems:
        raise CatalogueError(problems)
    return planning
