"""`python -m app.cli`: the same as the `backbone` console script."""

from app.cli import main

raise SystemExit(main())
