"""HTML for the method choices: per-method weight forms, the results sections and the what-if."""

from __future__ import annotations

from tests.support.api import give_weights, join, open_workshop, rate_everything
from tests.support.pages import HTMX, WITH_AND_WITHOUT_HTMX, joined, page, shown, sign_in

CIRCULAR = {
    "pair.credibility.neutrality": "7",
    "pair.credibility.funding": "1/7",
    "pair.credibility.bureaucracy": "3",
    "pair.neutrality.funding": "7",
    "pair.neutrality.bureaucracy": "1/5",
    "pair.funding.bureaucracy": "5",
}
CONSISTENT = {
    "pair.credibility.neutrality": "2",
    "pair.credibility.funding": "4",
    "pair.credibility.bureaucracy": "8",
    "pair.neutrality.funding": "2",
    "pair.neutrality.bureaucracy": "4",
    "pair.funding.bureaucracy": "2",
}
RATINGS = {"funder": 2, "nonprofit": 5, "government": 3, "multi-org": 4, "steering-committee": 1}


def test_pairwise_form_asks_every_pair_once(client):
    _, w = joined(client, stage="weighting", elicitation="ahp")
    doc = page(client.get(f"/w/{w['id']}"))
    pairs = doc.select("#pairwise-form fieldset.pair-row")
    assert len(pairs) == 6
    # On a phone both the side and the strength are visible: radio buttons, no select.
    assert len(pairs[0].select('input[type="radio"][name^="side."]')) == 3
    assert len(pairs[0].select('input[type="radio"][name^="strength."]')) == 8
    assert doc.select_one("#pairwise-form select") is None
    assert doc.select_one("#points-left") is None


@WITH_AND_WITHOUT_HTMX
def test_pairwise_inconsistent_answers_mark_three_judgments_to_revisit(client, headers):
    _, w = joined(client, stage="weighting", elicitation="ahp")
    response = client.post(
        f"/w/{w['id']}/pairwise", data=CIRCULAR, headers=headers, follow_redirects=False
    )
    assert response.status_code == (200 if headers == HTMX else 303)
    doc = shown(client, response, f"/w/{w['id']}")
    assert "revisit" in doc.select_one("#consistency")["class"]
    assert len(doc.select("#revisit-list li")) == 3
    assert len(doc.select("#pairwise-form .pair-row.to-revisit .revisit-hint")) == 3
    # What was answered stays selected for revising.
    pair = doc.select_one("#pair-credibility-funding")
    assert pair.select_one('input[name^="side."][checked]')["value"] == "second"
    assert pair.select_one('input[name^="strength."][checked]')["value"] == "7"


@WITH_AND_WITHOUT_HTMX
def test_pairwise_consistent_answers_show_no_revisit_list(client, headers):
    _, w = joined(client, stage="weighting", elicitation="ahp")
    response = client.post(
        f"/w/{w['id']}/pairwise", data=CONSISTENT, headers=headers, follow_redirects=False
    )
    doc = shown(client, response, f"/w/{w['id']}")
    assert "ok" in doc.select_one("#consistency")["class"]
    assert doc.select_one("#revisit-list") is None
    assert "Credibility 53.3%" in doc.select_one("#my-pairwise-weights").text


@WITH_AND_WITHOUT_HTMX
def test_ranks_form_missing_rank_is_422_and_keeps_input(client, headers):
    _, w = joined(client, stage="weighting", elicitation="rank")
    data = {"rank.credibility": "1", "rank.neutrality": "2", "rank.funding": "3"}
    response = client.post(f"/w/{w['id']}/ranks", data=data, headers=headers)
    assert response.status_code == 422
    doc = page(response)
    assert doc.select_one('select[name="rank.funding"] option[selected]')["value"] == "3"
    assert doc.select_one('select[name="rank.bureaucracy"]').find_parent("div")["class"] == [
        "weight-row",
        "has-error",
    ]


def test_ranks_form_saved_shows_the_weights_they_give(client):
    _, w = joined(client, stage="weighting", elicitation="rank", rank_method="rank_sum")
    data = {
        "rank.credibility": "1",
        "rank.neutrality": "2",
        "rank.funding": "3",
        "rank.bureaucracy": "4",
    }
    client.post(f"/w/{w['id']}/ranks", data=data, headers=HTMX)
    doc = page(client.get(f"/w/{w['id']}"))
    # Rank sum for n = 4: 4/10, 3/10, 2/10, 1/10.
    assert "Credibility 40%" in doc.select_one("#ranks-form .muted").text


@WITH_AND_WITHOUT_HTMX
def test_swing_form_over_100_is_422_naming_the_criterion(client, headers):
    _, w = joined(client, stage="weighting", elicitation="swing")
    data = {"swing.credibility": "150", "swing.neutrality": "50"}
    response = client.post(f"/w/{w['id']}/swing", data=data, headers=headers)
    assert response.status_code == 422
    doc = page(response)
    assert doc.select_one('input[name="swing.credibility"]')["value"] == "150"
    assert doc.select_one("#swing-form .has-error input")["name"] == "swing.credibility"


def _workshop_with_two_people(client):
    auth, w = open_workshop(client)
    for name, sector, weights in (
        ("Ana", "community", {"credibility": 70, "funding": 30}),
        ("Bo", "government", {"neutrality": 50, "funding": 50}),
    ):
        m = join(client, w["join_code"], name=name, sector=sector)
        give_weights(client, m, w["id"], weights)
        rate_everything(client, m, w, RATINGS)
    sign_in(client)
    return auth, w


def test_workshop_page_shows_agreement_robustness_and_sectors(client):
    _, w = _workshop_with_two_people(client)
    doc = page(client.get(f"/workshops/{w['id']}"))
    assert doc.select_one("#consensus .explain").text.startswith("Consensus on the weights")
    assert doc.select_one("#kendall-w") is not None
    rows = doc.select("#stability tr[data-criterion]")
    assert len(rows) == 4 and all(r.select_one("svg rect.band") for r in rows)
    assert len(doc.select("#stability .explain")) == 4
    for source in ("participants", "ordinal"):
        table = doc.select_one(f"#acceptability-{source}")
        assert table["data-samples"] == "10000" and table["data-seed"] == "0"
        assert len(table.select("tr[data-option]")) == 5
    assert {r["data-sector"] for r in doc.select("#by-sector tr[data-sector]")} == {
        "community",
        "government",
    }


def test_method_form_change_after_weights_is_409_and_keeps_choice(client):
    _, w = _workshop_with_two_people(client)
    response = client.post(
        f"/workshops/{w['id']}/method", data={"elicitation": "swing"}, headers=HTMX
    )
    assert response.status_code == 409
    doc = page(response)
    assert doc.select_one("#method-elicitation option[selected]")["value"] == "swing"
    assert doc.select_one("#method-form .field-error").text.strip()


def test_method_form_median_changes_the_method_summary(client):
    _, w = _workshop_with_two_people(client)
    response = client.post(
        f"/workshops/{w['id']}/method",
        data={"rating_aggregation": "median"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    doc = page(client.get(f"/workshops/{w['id']}"))
    assert "median" in doc.select_one("#method-summary").text


def test_what_if_without_javascript_returns_a_page_with_the_ranking(client):
    _, w = _workshop_with_two_people(client)
    data = {"whatif.credibility": "0", "whatif.neutrality": "0", "whatif.funding": "0"}
    data["whatif.bureaucracy"] = "100"
    response = client.post(f"/workshops/{w['id']}/what-if", data=data)
    assert response.status_code == 200
    doc = page(response)
    assert doc.select_one('#what-if-form input[name="whatif.bureaucracy"]')["value"] == "100"
    assert doc.select_one('#what-if-form output[for="whatif-bureaucracy"]').text == "100%"
    assert len(doc.select("#what-if-ranking li")) == 5
    assert doc.select_one("#what-if-sentence").text.startswith("With these weights")


def test_what_if_with_htmx_returns_only_the_result(client):
    _, w = _workshop_with_two_people(client)
    response = client.post(
        f"/workshops/{w['id']}/what-if", data={"whatif.credibility": "100"}, headers=HTMX
    )
    doc = page(response)
    assert doc.select_one("#what-if-form") is None
    assert doc.select_one("#what-if-ranking li")["data-option"] == "nonprofit"


def test_what_if_all_zero_is_422_with_a_message(client):
    _, w = _workshop_with_two_people(client)
    response = client.post(
        f"/workshops/{w['id']}/what-if", data={"whatif.credibility": "0"}, headers=HTMX
    )
    assert response.status_code == 422
    assert page(response).select_one(".field-error").text.strip()
