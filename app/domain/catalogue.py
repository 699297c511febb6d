"""The catalogue as frozen domain objects: sources, criteria, backbone models, reference hints,
templates, and what a rationale takes from it (the considerations after a choice, the timeline's
event labels). Pure data; `app.catalogue` reads and checks the YAML files that fill it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # the translation module reads records, which hold catalogue items
    from app.domain.translation import CatalogueText

Direction = Literal["benefit", "cost"]

# The rating anchors every criterion describes, in the order they are shown.
SCALE_POINTS: tuple[str, ...] = ("1", "3", "5")


@dataclass(frozen=True)
class Source:
    """A document the catalogue rests on; `key` is the document's file stem."""

    key: str
    title: str
    document: str
    publisher: str | None = None
    year: int | None = None
    # The title's meaning in a document's language when that is not the title's own (set
    # for a document only, from criteria/<language>/sources.yaml; the title stays as published).
    gloss: str | None = None


@dataclass(frozen=True)
class Criterion:
    """What the group weighs. On a cost criterion a higher rating means more of the cost."""

    key: str
    name: str
    description: str
    direction: Direction
    guiding_questions: tuple[str, ...]
    scale: tuple[tuple[str, str], ...]
    sources: tuple[str, ...]

    def scale_dict(self) -> Mapping[str, str]:
        """The anchors as a read-only mapping "1"/"3"/"5" -> meaning."""
        return MappingProxyType(dict(self.scale))

    @property
    def is_cost(self) -> bool:
        return self.direction == "cost"


@dataclass(frozen=True)
class BackboneModel:
    """A way to organise the backbone, with what the sources say for and against it."""

    key: str
    name: str
    summary: str
    pros: tuple[str, ...]
    cons: tuple[str, ...]
    examples: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ReferenceRating:
    """A starting hint for one model on one criterion; never counted as anyone's rating."""

    model: str
    criterion: str
    rating: int
    reason: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Template:
    """A ready-made set of criteria and models a workshop can start from."""

    key: str
    name: str
    description: str
    criteria: tuple[str, ...]
    models: tuple[str, ...]


@dataclass(frozen=True)
class Consideration:
    """A planning question a rationale puts to a group once it has chosen, and its source."""

    key: str
    topic: str
    text: str
    source: str  # a key of `Catalogue.sources`


@dataclass(frozen=True)
class Catalogue:
    """Everything in criteria/, keyed and in file order; the mappings are read-only."""

    sources: Mapping[str, Source]
    criteria: Mapping[str, Criterion]
    models: Mapping[str, BackboneModel]
    reference: Mapping[tuple[str, str], ReferenceRating]
    templates: Mapping[str, Template]
    considerations: tuple[Consideration, ...]
    event_labels: Mapping[str, str]  # timeline event kind -> what a document calls it
    # The same texts in other languages (criteria/<language>/), keyed by language.
    translations: Mapping[str, CatalogueText] = field(default_factory=lambda: MappingProxyType({}))

    def text_in(self, language: str) -> CatalogueText | None:
        """The catalogue's words in this language; None for English (the files' own)."""
        return self.translations.get(language)

    def sector_names(self) -> tuple[Mapping[str, str], ...]:
        """The sectors' names in each language besides English (key -> name): a participant
        may name their sector in any of them on joining."""
        return tuple(text.sectors for text in self.translations.values())

    def template(self, key: str) -> Template:
        """The template with this key; KeyError when there is none."""
        return self.templates[key]

    def reference_for(self, model_key: str, criterion_key: str) -> ReferenceRating | None:
        """The reference hint for a model on a criterion, if the catalogue has one."""
        return self.reference.get((model_key, criterion_key))

    @classmethod
    def build(
        cls,
        sources: list[Source],
        criteria: list[Criterion],
        models: list[BackboneModel],
        reference: list[ReferenceRating],
        templates: list[Template],
        considerations: list[Consideration],
        event_labels: Mapping[str, str],
    ) -> Catalogue:
        """Key the items, keeping their order, behind read-only mappings."""
        return cls(
            sources=MappingProxyType({s.key: s for s in sources}),
            criteria=MappingProxyType({c.key: c for c in criteria}),
            models=MappingProxyType({m.key: m for m in models}),
            reference=MappingProxyType({(r.model, r.criterion): r for r in reference}),
            templates=MappingProxyType({t.key: t for t in templates}),
            considerations=tuple(considerations),
            event_labels=MappingProxyType(dict(event_labels)),
        )
