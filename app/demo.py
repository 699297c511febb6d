"""A demo workshop with three participants' input, so a fresh install has something to show."""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from app.domain.catalogue import Catalogue
from app.services import accounts, attempts, participation, workshops

DEMO_EMAIL = "demo@backbone.local"
DEMO_TITLE = "Demo: a backbone for the regional diabetes-prevention network"
DEMO_PEOPLE = [
    ("Ana (county health)", "government"),
    ("Ben (YMCA)", "nonprofit"),
    ("Chloe (community member)", "community"),
]


@dataclass(frozen=True)
class DemoAccess:
    email: str
    password: str
    workshop_id: int
    join_code: str
    created: bool


def ensure_demo(session: Session, catalogue: Catalogue, data_dir: Path) -> DemoAccess:
    """Create the demo facilitator and workshop once; later calls only report how to sign in."""
    credentials = data_dir / "demo-credentials.txt"
    existing = accounts.find_facilitator(session, DEMO_EMAIL)
    owner_id = existing.id if existing else None
    demo = (
        next(
            (w for w in workshops.list_workshops(session, owner_id) if w.title == DEMO_TITLE), None
        )
        if owner_id
        else None
    )
    if existing and demo and credentials.exists():
        return DemoAccess(
            DEMO_EMAIL, credentials.read_text().strip(), demo.id, demo.join_code, False
        )

    password = credentials.read_text().strip() if credentials.exists() else secrets.token_urlsafe(9)
    if existing is None:
        owner_id = accounts.create_facilitator(session, DEMO_EMAIL, password, "Demo facilitator").id
        data_dir.mkdir(parents=True, exist_ok=True)
        credentials.write_text(password)
        credentials.chmod(0o600)
    assert owner_id is not None
    if demo is not None:
        return DemoAccess(DEMO_EMAIL, password, demo.id, demo.join_code, False)

    w = workshops.create_workshop(
        session,
        catalogue,
        owner_id,
        DEMO_TITLE,
        "quick",
        goal="Enroll more adults with prediabetes in lifestyle-change programs across the region.",
        convener="Regional health department",
    )
    workshops.update_workshop(session, owner_id, w.id, stage="scoring")
    rng = random.Random(20261123)  # the demo looks the same on every machine
    for name, sector in DEMO_PEOPLE:
        joined = participation.join(
            session, w.join_code, name, sector, "demo", attempts.Limit(10**6, 60)
        )
        me = participation.participant_for_token(session, joined.token)
        assert me is not None
        points = [rng.randint(1, 10) for _ in w.criteria]
        participation.record_weights(
            session, me, w.id, {c.key: p for c, p in zip(w.criteria, points, strict=True)}
        )
        scores = {
            o.key: {
                c.key: max(
                    1,
                    min(
                        5,
                        o.details.get("reference", {}).get(c.key, {}).get("rating", 3)
                        + rng.choice([-1, 0, 0, 1]),
                    ),
                )
                for c in w.criteria
            }
            for o in w.options
        }
        participation.record_scores(session, me, w.id, scores)
    workshops.update_workshop(session, owner_id, w.id, stage="results")
    return DemoAccess(DEMO_EMAIL, password, w.id, w.join_code, True)
