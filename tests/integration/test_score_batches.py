"""A room's rating saves written together: each save is checked on its own, a refused one
writes nothing and hears its own error, the rest of its group are stored and answered with
what is stored; and saves sent at once over HTTP all land."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from app.domain.errors import Conflict, InvalidInput, NotFound, Unauthorized
from app.persistence import repository as repo
from app.services.participation import OwnInput
from app.services.score_batches import ScoreSave, record_score_saves
from tests.support.api import API, join, open_workshop, set_stage


def token_of(member) -> str:
    return member.auth["Authorization"].removeprefix("Bearer ")


def test_a_group_writes_the_good_saves_and_refuses_the_bad_ones_each_on_its_own(client, session):
    auth, w = open_workshop(client)
    other_auth, other = open_workshop(client, title="Another workshop")
    ana, ben = join(client, w["join_code"], "Ana"), join(client, w["join_code"], "Ben")
    option, criterion = w["options"][0]["key"], w["criteria"][0]["key"]
    saves = [
        ScoreSave(token_of(ana), w["id"], {option: {criterion: 4}}),
        ScoreSave("not-a-token", w["id"], {option: {criterion: 1}}),
        ScoreSave(token_of(ben), other["id"], {option: {criterion: 1}}),
        ScoreSave(token_of(ben), w["id"], {"no-such-option": {criterion: 1}}),
        ScoreSave(token_of(ben), w["id"], {option: {criterion: 9}}),
        ScoreSave(token_of(ben), w["id"], {option: {criterion: 2}}, {option: {criterion: "Why"}}),
    ]
    outcomes = record_score_saves(session, saves)

    assert isinstance(outcomes[0], OwnInput) and outcomes[0].ratings == {option: {criterion: 4}}
    assert isinstance(outcomes[1], Unauthorized)
    assert isinstance(outcomes[2], NotFound)
    assert isinstance(outcomes[3], InvalidInput) and outcomes[3].field == "scores.no-such-option"
    assert isinstance(outcomes[4], InvalidInput)
    assert isinstance(outcomes[5], OwnInput)
    assert outcomes[5].ratings == {option: {criterion: 2}}
    assert outcomes[5].comments == {option: {criterion: "Why"}}
    stored = client.get(f"{API}/workshops/{w['id']}/my", headers=ben.auth).json()
    assert stored["scores"] == {option: {criterion: 2}}  # none of the refused values
    # Ben's save addressed to a workshop he never joined left that workshop untouched.
    elsewhere = client.get(f"{API}/workshops/{other['id']}/results", headers=other_auth).json()
    assert elsewhere["participants"]["joined"] == 0


def test_a_group_moves_the_revision_and_writes_one_timeline_event_per_save(client, session):
    auth, w = open_workshop(client)
    ana, ben = join(client, w["join_code"], "Ana"), join(client, w["join_code"], "Ben")
    option, criterion = w["options"][0]["key"], w["criteria"][0]["key"]
    before = client.get(f"{API}/workshops/{w['id']}/results", headers=auth).headers["etag"]
    events_before = len(repo.events(session, w["id"]))
    session.rollback()  # end the read, so the group's transaction starts its own
    record_score_saves(
        session,
        [ScoreSave(token_of(m), w["id"], {option: {criterion: 3}}) for m in (ana, ben)],
    )
    after = client.get(f"{API}/workshops/{w['id']}/results", headers=auth)
    assert after.headers["etag"] != before
    assert after.json()["participants"]["joined"] == 2
    events = repo.events(session, w["id"])
    assert len(events) == events_before + 2
    assert [(e.kind, e.detail) for e in events[-2:]] == [("ratings", "Ana"), ("ratings", "Ben")]


def test_a_stage_that_takes_no_input_refuses_every_save_of_the_group(client, session):
    auth, w = open_workshop(client)
    ana = join(client, w["join_code"], "Ana")
    set_stage(client, auth, w["id"], "setup")
    option, criterion = w["options"][0]["key"], w["criteria"][0]["key"]
    outcomes = record_score_saves(
        session, [ScoreSave(token_of(ana), w["id"], {option: {criterion: 3}})] * 2
    )
    assert all(isinstance(o, Conflict) for o in outcomes)


def test_saves_sent_at_once_over_http_are_all_stored_and_each_answered_with_its_own(client):
    _, w = open_workshop(client)
    people = [join(client, w["join_code"], f"Person {i}") for i in range(12)]
    criteria = [c["key"] for c in w["criteria"]]

    def save(i: int) -> tuple[int, dict]:
        member = people[i % len(people)]
        option = w["options"][i % len(w["options"])]["key"]
        body = {"scores": {option: {c: 1 + (i % 5) for c in criteria}}}
        answer = client.put(f"{API}/workshops/{w['id']}/my/scores", json=body, headers=member.auth)
        return answer.status_code, answer.json()

    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(pool.map(save, range(48)))
    assert {status for status, _ in answers} == {200}
    for i, (_, body) in enumerate(answers):
        assert body["participant_id"] == people[i % len(people)].id
        option = w["options"][i % len(w["options"])]["key"]
        assert body["scores"][option] == {c: 1 + (i % 5) for c in criteria}
    for i, member in enumerate(people):
        stored = client.get(f"{API}/workshops/{w['id']}/my", headers=member.auth).json()
        # Every save of this person landed: each option they rated has the last value sent.
        expected = {}
        for n in range(i, 48, len(people)):
            option = w["options"][n % len(w["options"])]["key"]
            expected[option] = {c: 1 + (n % 5) for c in criteria}
        assert stored["scores"] == expected
