"""Fixtures for the planning tests: the real catalogue and planning catalogue, read once."""

from __future__ import annotations

import pytest

from app.catalogue import load_catalogue, load_planning
from app.domain.catalogue import Catalogue
from app.domain.planning.catalogue import PlanningCatalogue


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="session")
def planning(catalogue: Catalogue) -> PlanningCatalogue:
    return load_planning(catalogue)


@pytest.fixture(scope="session")
def models(catalogue: Catalogue, planning: PlanningCatalogue) -> list[str]:
    return list(catalogue.template(planning.template).models)
