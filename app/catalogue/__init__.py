"""The catalogue in criteria/ (YAML), read and checked once into frozen domain objects: the
selection catalogue (criteria, models, templates) and the planning catalogue beside it."""

from app.catalogue.loader import CATALOGUE_DIR, CatalogueError, CatalogueProblem
from app.catalogue.planning import PLANNING_DIR, load_planning
from app.catalogue.selection import default_catalogue, load_catalogue

__all__ = [
    "CATALOGUE_DIR",
    "PLANNING_DIR",
    "CatalogueError",
    "CatalogueProblem",
    "default_catalogue",
    "load_catalogue",
    "load_planning",
]
