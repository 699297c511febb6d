"""Where the folders the service reads at run time live: templates/, criteria/ and static/.

In a checkout (and an editable install) they sit beside app/. `pip install .` copies them into
the environment, under share/backbone-select (pyproject.toml lists them as data files), and the
installed app/ reads them there.
"""

from __future__ import annotations

import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]
INSTALLED = Path(sys.prefix) / "share" / "backbone-select"


def resource_root() -> Path:
    """The checkout when the code runs from one, otherwise the installed copy."""
    return CHECKOUT if (CHECKOUT / "criteria").is_dir() else INSTALLED


ROOT = resource_root()
TEMPLATES = ROOT / "templates"
CRITERIA = ROOT / "criteria"
STATIC = ROOT / "static"
