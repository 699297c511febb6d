"""The catalogue's texts in another language, and how they replace the English ones in what a
page or a document shows: criteria and options taken from the catalogue, reference hints,
sectors and stage names. Custom criteria and options keep the words the facilitator typed."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from app.domain.catalogue import Source
from app.domain.errors import InvalidInput
from app.domain.planning.translation import PlanText, translate_plan
from app.domain.record import Record
from app.domain.results import RankedOption
from app.domain.workshop import (
    AGREEMENT_LEVELS,
    SECTORS,
    STAGE_LABELS,
    Decision,
    Item,
    Stage,
    Workshop,
)

LANGUAGES: tuple[str, ...] = ("en", "es")
DEFAULT_LANGUAGE = "en"


def check_language(value: object) -> str:
    """'es' or 'en' (any case, or a region such as es-MX); anything else is refused."""
    language = str(value or "").strip().lower().replace("_", "-").split("-")[0]
    if language not in LANGUAGES:
        raise InvalidInput(f"Choose a language: {', '.join(LANGUAGES)}.", field="language")
    return language


def _empty() -> Mapping[Any, Any]:
    return MappingProxyType({})


@dataclass(frozen=True)
class CriterionText:
    name: str
    description: str
    guiding_questions: tuple[str, ...]
    scale: Mapping[str, str]  # "1"/"3"/"5" -> meaning


@dataclass(frozen=True)
class ModelText:
    name: str
    summary: str
    pros: tuple[str, ...]
    cons: tuple[str, ...]


@dataclass(frozen=True)
class SourceText:
    """A source in another language: its title stays as published (so the document can be
    found), glossed in this language; a publisher's line with our words in it, translated."""

    gloss: str
    publisher: str | None = None


@dataclass(frozen=True)
class CatalogueText:
    """One language's words for the catalogue, keyed like the English."""

    language: str
    criteria: Mapping[str, CriterionText] = field(default_factory=_empty)
    models: Mapping[str, ModelText] = field(default_factory=_empty)
    reasons: Mapping[tuple[str, str], str] = field(default_factory=_empty)  # (model, criterion)
    sectors: Mapping[str, str] = field(default_factory=_empty)
    stages: Mapping[str, str] = field(default_factory=_empty)
    agreement: Mapping[str, str] = field(default_factory=_empty)
    considerations: Mapping[str, tuple[str, str]] = field(default_factory=_empty)  # topic, text
    events: Mapping[str, str] = field(default_factory=_empty)
    sources: Mapping[str, SourceText] = field(default_factory=_empty)
    # The planning catalogue's words (criteria/<language>/planning/), checked against the
    # English when the planning catalogue loads (app.catalogue.planning_translation).
    plan: PlanText | None = None

    def criterion(self, item: Item) -> Item:
        """A criterion of a workshop in this language; custom ones stay as typed."""
        text = None if item.custom else self.criteria.get(item.key)
        if text is None:
            return item
        details = dict(item.details)
        details["guiding_questions"] = list(text.guiding_questions)
        if "scale" in details:
            details["scale"] = dict(text.scale)
        return dataclasses.replace(
            item, name=text.name, description=text.description, details=details
        )

    def option(self, item: Item) -> Item:
        """An option of a workshop in this language, with its hints; custom ones stay as typed."""
        text = None if item.custom else self.models.get(item.key)
        if text is None:
            return item
        details = dict(item.details)
        details["pros"], details["cons"] = list(text.pros), list(text.cons)
        reference = details.get("reference")
        if isinstance(reference, dict):
            details["reference"] = {
                ckey: {**hint, "reason": self.reasons.get((item.key, ckey), hint.get("reason"))}
                if isinstance(hint, dict)
                else hint
                for ckey, hint in reference.items()
            }
        return dataclasses.replace(item, name=text.name, description=text.summary, details=details)

    def workshop(self, w: Workshop) -> Workshop:
        options = tuple(self.option(o) for o in w.options)
        decision = w.decision
        if decision is not None:
            chosen = next((o for o in options if o.key == decision.option), None)
            if chosen is not None:
                decision = dataclasses.replace(decision, option_name=chosen.name)
        return dataclasses.replace(
            w,
            criteria=tuple(self.criterion(c) for c in w.criteria),
            options=options,
            decision=decision,
        )


def _custom_keys(w: Workshop) -> frozenset[str]:
    return frozenset(o.key for o in w.options if o.custom)


def translate(value: Any, text: CatalogueText | None, custom: frozenset[str] = frozenset()) -> Any:
    """`value` with every workshop, ranked option and decision in it put in this language:
    walks dataclasses, lists, tuples and dicts, and gives back the same object when nothing in
    it changes. `custom` holds the keys of options that keep their typed names."""
    if text is None:
        return value
    if isinstance(value, Workshop):
        return text.workshop(value)
    if isinstance(value, RankedOption):
        if value.option in custom or value.option not in text.models:
            return value
        return dataclasses.replace(value, name=text.models[value.option].name)
    if isinstance(value, Decision):
        if value.option in custom or value.option not in text.models:
            return value
        return dataclasses.replace(value, option_name=text.models[value.option].name)
    if isinstance(value, list | tuple):
        items = [translate(v, text, custom) for v in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return items if isinstance(value, list) else type(value)(items)
    if isinstance(value, dict):
        changed = {k: translate(v, text, custom) for k, v in value.items()}
        return value if all(changed[k] is value[k] for k in value) else changed
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        updates = {}
        for f in dataclasses.fields(value):
            if not f.init:
                continue
            old = getattr(value, f.name)
            new = translate(old, text, custom)
            if new is not old:
                updates[f.name] = new
        return dataclasses.replace(value, **updates) if updates else value
    return value


def translate_record(record: Record, text: CatalogueText | None) -> Record:
    """A record for a document in this language: the workshop's catalogue items, the ranked
    names, the questions after a choice, the timeline's labels, the sources' glosses and the
    backbone plan's catalogue texts. What was typed, the inputs and the sealed JSON (its
    fingerprint) are left exactly as they were."""
    if text is None:
        return record
    custom = _custom_keys(record.workshop)
    considerations = tuple(
        dataclasses.replace(
            c, topic=text.considerations[c.key][0], text=text.considerations[c.key][1]
        )
        if c.key in text.considerations
        else c
        for c in record.considerations
    )
    return dataclasses.replace(
        record,
        workshop=translate(record.workshop, text, custom),
        results=translate(record.results, text, custom),
        analysis=translate(record.analysis, text, custom),
        robustness=translate(record.robustness, text, custom),
        rounds=translate(record.rounds, text, custom),
        considerations=considerations,
        event_labels={k: text.events.get(k, v) for k, v in record.event_labels.items()},
        sources={k: _source(s, text.sources.get(k)) for k, s in record.sources.items()},
        plan=translate_plan(record.plan, text.plan, {k: m.name for k, m in text.models.items()})
        if record.plan is not None and text.plan is not None
        else record.plan,
    )


def _source(source: Source, text: SourceText | None) -> Source:
    if text is None:
        return source
    return dataclasses.replace(
        source, gloss=text.gloss, publisher=text.publisher or source.publisher
    )


def terms(text: CatalogueText | None) -> tuple[tuple[str, str], ...]:
    """The domain's English labels (sectors, levels of agreement, stages) beside this
    language's, for a document's layout."""
    if text is None:
        return ()
    pairs = [(SECTORS[k], v) for k, v in text.sectors.items() if k in SECTORS]
    pairs += [(AGREEMENT_LEVELS[k], v) for k, v in text.agreement.items() if k in AGREEMENT_LEVELS]
    pairs += [(STAGE_LABELS[Stage(k)], v) for k, v in text.stages.items()]
    return tuple(pairs)


def translate_context(
    context: Mapping[str, Any], text: CatalogueText | None, workshop: Workshop | None = None
) -> dict[str, Any]:
    """Every value of a page's or a document's context in this language."""
    custom = _custom_keys(workshop) if workshop is not None else frozenset()
    if workshop is None:
        for value in context.values():
            if isinstance(value, Workshop):
                custom = _custom_keys(value)
                break
    return {k: translate(v, text, custom) for k, v in context.items()}
