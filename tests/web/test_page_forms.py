"""Page forms as one use case each: a successful post runs one transaction besides the sign-in
lookup, items are added on their own routes, and forms are read the same way everywhere."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from sqlalchemy import event
from starlette.datastructures import FormData

from tests.support.api import open_workshop
from tests.support.pages import HTMX, joined, page, sign_in

CRITERIA = ("credibility", "neutrality", "funding", "bureaucracy")


@contextmanager
def transactions(app):
    """Counts the transactions the app's engine begins while the block runs."""
    begun: list[object] = []

    def count(connection):  # type: ignore[no-untyped-def]
        begun.append(connection)

    engine = app.state.engine
    event.listen(engine, "begin", count)
    try:
        yield begun
    finally:
        event.remove(engine, "begin", count)


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("weights", {f"points.{k}": "25" for k in CRITERIA}),
        ("options/funder", {f"rating.{k}": "4" for k in CRITERIA}),
    ],
)
def test_participant_form_post_is_one_transaction_besides_the_token_lookup(app, client, path, data):
    _, w = joined(client)
    with transactions(app) as begun:
        response = client.post(f"/w/{w['id']}/{path}", data=data, headers=HTMX)
    assert response.status_code == 200
    assert page(response).select_one(".saved") is not None
    assert len(begun) == 2


def test_facilitator_form_post_is_one_transaction_besides_the_sign_in_lookup(app, client):
    _, w = open_workshop(client, stage="setup")
    sign_in(client)
    with transactions(app) as begun:
        response = client.post(
            f"/workshops/{w['id']}/criteria",
            data={"name": "Reach", "direction": "benefit"},
            follow_redirects=False,
        )
    assert response.status_code == 303 and response.headers["location"].endswith("#setup")
    assert len(begun) == 2


def test_add_criterion_and_option_post_to_their_own_routes(client):
    _, w = open_workshop(client, stage="setup")
    sign_in(client)
    client.post(f"/workshops/{w['id']}/criteria", data={"name": "Reach", "direction": "cost"})
    client.post(f"/workshops/{w['id']}/options", data={"name": "A new nonprofit"})
    doc = page(client.get(f"/workshops/{w['id']}"))
    assert doc.select_one('#criteria-list li[data-key="reach"] .tag.cost') is not None
    assert doc.select_one('#options-list li[data-key="a-new-nonprofit"]') is not None


def test_unknown_kind_of_item_has_no_route(client):
    _, w = open_workshop(client, stage="setup")
    sign_in(client)
    response = client.post(f"/workshops/{w['id']}/widgets", data={"name": "x"})
    assert response.status_code == 404


def test_remove_criterion_asks_first_on_a_page_of_its_own(client):
    _, w = open_workshop(client, stage="setup")
    sign_in(client)
    response = client.post(f"/workshops/{w['id']}/criteria/funding/delete")
    assert response.status_code == 200
    form = page(response).select_one("#confirm-form")
    assert form["action"] == f"/workshops/{w['id']}/criteria/funding/delete"
    assert form.select_one('input[name="confirm"]')["value"] == "yes"
    doc = page(client.get(f"/workshops/{w['id']}"))
    assert doc.select_one('#criteria-list li[data-key="funding"]') is not None


def test_remove_criterion_posts_to_its_own_route(client):
    _, w = open_workshop(client, stage="setup")
    sign_in(client)
    response = client.post(
        f"/workshops/{w['id']}/criteria/funding/delete",
        data={"confirm": "yes"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    doc = page(client.get(f"/workshops/{w['id']}"))
    assert doc.select_one('#criteria-list li[data-key="funding"]') is None


def test_duplicate_option_name_says_an_option(client):
    _, w = open_workshop(client, stage="setup")
    sign_in(client)
    name = page(client.get(f"/workshops/{w['id']}")).select_one("#options-list li strong").text
    response = client.post(f"/workshops/{w['id']}/options", data={"name": name})
    assert response.status_code == 422
    assert "already has an option named" in page(response).select_one("#add-options").text


def test_rating_form_for_an_unknown_option_is_404(client):
    _, w = joined(client)
    response = client.post(
        f"/w/{w['id']}/options/wizard", data={"rating.credibility": "3"}, headers=HTMX
    )
    assert response.status_code == 404


def test_forms_budget_lines_keep_added_lines_by_their_hidden_label():
    from app.web.html import forms

    form = FormData(
        [
            ("amount.office", "4000"),
            ("amount.translation", "500"),
            ("label.translation", "Translation"),
            ("amount.printing", ""),
            ("label.printing", "Printing"),
            ("new_label", "Travel"),
            ("new_amount", "900"),
        ]
    )
    lines, names = forms.budget_lines(form, ["office", "rent"])
    assert lines == [
        {"key": "office", "amount": "4000"},
        {"key": "translation", "label": "Translation", "amount": "500"},
        {"label": "Travel", "amount": "900"},
    ]
    assert names == ["amount.office", "amount.translation", "new_amount"]
    assert forms.field_of_line("lines[1].amount", names) == "amount.translation"
    assert forms.field_of_line("lines[2].label", names) == "new_label"


def test_forms_numbers_keep_what_is_not_a_number_as_typed():
    from app.web.html import forms

    form = FormData([("rank.a", "2"), ("rank.b", "1.5"), ("rank.c", "x"), ("rank.d", "")])
    assert forms.numbers(form, "rank") == {"a": 2, "b": 1.5, "c": "x"}
    assert forms.numbers(form, "rank", empty=0)["d"] == 0
    assert forms.judgments(FormData([("pair.a.b", "1/4"), ("pair.a.c", "")])) == [
        {"first": "a", "second": "b", "value": 0.25}
    ]


def test_forms_pairwise_radio_buttons_become_saaty_values():
    from app.web.html import forms

    form = FormData(
        [
            ("side.a.b", "first"),
            ("strength.a.b", "5"),
            ("side.a.c", "second"),
            ("strength.a.c", "3"),
            ("side.b.c", "equal"),
            ("side.c.d", "first"),
        ]
    )
    assert forms.sided_pairs(form) == {"a.b": "5", "a.c": "1/3", "b.c": "1", "c.d": "first"}
