"""Fixtures for the planning tests: the real catalogue and planning catalogue, read once."""

from __future__ import annotations

import pytest

from app.catalog import load_catalogue
from app.domain.catalogue import Catalogue
from app.domain.planning_catalogue import PlanningCatalogue
from app.planning_catalog import load_planning


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="session")
def planning(catalogue: Catalogue) -> PlanningCatalogue:
    return load_planning(catalogue)


@pytest.fixture(scope="session")
def models(catalogue: Catalogue, planning: PlanningCatalogue) -> list[str]:
    return list(catalogue.template(planning.template).models)
