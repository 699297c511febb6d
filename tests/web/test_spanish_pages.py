"""Participant pages in Spanish: the language chosen at join (else Accept-Language), kept with
the participant and switchable on every page without JavaScript; <html lang> follows it; the
catalogue's texts, the numbers and the interface all in Spanish; the gettext catalogue
complete for every message the templates mark."""

from __future__ import annotations

import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from app.catalogue import default_catalogue
from app.resources import ROOT
from tests.support.api import (
    API,
    CLEAR_ORDER,
    give_weights,
    join,
    open_workshop,
    rate_everything,
    workshop_with_clear_ranking,
)
from tests.support.pages import page, sign_in

SPANISH_PO = ROOT / "app" / "web" / "locale" / "es" / "LC_MESSAGES" / "messages.po"
SPANISH = {"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"}
# Words of English prose that no Spanish sentence contains: one left on a Spanish page means
# an interface string nobody marked for translation.
ENGLISH_WORDS = re.compile(
    r"\b(the|your|you|and|with|save|saved|rate|rating|weigh|weights|what|this|from|join|"
    r"points|group|criteria|option|options|results|round|left)\b",
    re.IGNORECASE,
)


def _template_messages() -> set[str]:
    """Every message the templates (and app/web/i18n.py) mark, as `pybabel extract` finds it."""
    method_map = [("exports/**.html", "ignore"), ("**.html", "jinja2")]
    options = {"**.html": {"extensions": "jinja2.ext.i18n", "trimmed": "true"}}
    found = {
        m[2] if isinstance(m[2], str) else m[2][0]
        for m in extract_from_dir(str(ROOT / "templates"), method_map, options_map=options)
    }
    return found


def _spanish_catalogue():  # noqa: ANN202
    with SPANISH_PO.open("rb") as po:
        return read_po(po, locale="es")


def _visible_text(doc: BeautifulSoup) -> str:
    """What a reader sees, less what is English on purpose (lang="en": proper names, the
    switch back to English) and what the facilitator typed (the workshop's title and goal)."""
    for element in doc.select('[lang="en"], script, style, title, h1, .typed'):
        element.decompose()
    return " ".join(doc.get_text(" ").split())


def test_every_template_message_has_a_spanish_translation() -> None:
    catalogue = _spanish_catalogue()
    missing = []
    for message in sorted(_template_messages()):
        entry = catalogue.get(message)
        if entry is None or not entry.string or entry.fuzzy:
            missing.append(message)
    assert missing == []


def test_spanish_catalogue_keeps_every_placeholder() -> None:
    for entry in _spanish_catalogue():
        if not entry.id or isinstance(entry.id, tuple):
            continue
        wanted = sorted(re.findall(r"%\(\w+\)s", entry.id))
        assert sorted(re.findall(r"%\(\w+\)s", entry.string)) == wanted, entry.id


def test_join_page_follows_accept_language(client):
    doc = page(client.get("/join", headers=SPANISH))
    assert doc.html["lang"] == "es"
    labels = [o.text for o in doc.select('select[name="sector"] option')]
    assert "Miembro de la comunidad" in labels


def test_join_page_is_english_without_a_spanish_request(client):
    doc = page(client.get("/join"))
    assert doc.html["lang"] == "en"
    assert doc.select_one('#language-switch button[value="es"]').text == "Español"


def test_join_page_switches_language_without_javascript(client):
    doc = page(client.get("/join?code=ABC123"))
    switch = doc.select_one("#language-switch")
    assert switch["method"] == "get"
    assert switch.select_one('input[name="code"]')["value"] == "ABC123"
    spanish = page(client.get("/join?code=ABC123&lang=es"))
    assert spanish.html["lang"] == "es"


def _join_in_spanish(client, code: str) -> int:
    client.cookies.clear()
    response = client.post(
        "/join",
        data={"join_code": code, "name": "Ana", "sector": "community", "language": "es"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return int(response.headers["location"].split("/")[2].split("?")[0])


def test_participant_who_joined_in_spanish_sees_the_catalogue_in_spanish(client):
    _, workshop = open_workshop(client, stage="weighting")
    workshop_id = _join_in_spanish(client, workshop["join_code"])
    doc = page(client.get(f"/w/{workshop_id}"))
    assert doc.html["lang"] == "es"
    names = [label.strong.text for label in doc.select("#weights-form label")]
    assert names[:2] == ["Credibilidad", "Neutralidad"]


def test_participant_language_is_kept_with_the_participant_not_the_browser(client):
    _, workshop = open_workshop(client, stage="weighting")
    workshop_id = _join_in_spanish(client, workshop["join_code"])
    english_browser = {"Accept-Language": "en-US"}
    client.cookies.delete("bs_lang")
    doc = page(client.get(f"/w/{workshop_id}", headers=english_browser))
    assert doc.html["lang"] == "es"


def test_participant_switches_back_to_english_on_the_page(client):
    _, workshop = open_workshop(client, stage="weighting")
    workshop_id = _join_in_spanish(client, workshop["join_code"])
    doc = page(client.get(f"/w/{workshop_id}"))
    switch = doc.select_one("#language-switch")
    assert (switch["method"], switch["action"]) == ("post", f"/w/{workshop_id}/language")
    response = client.post(
        switch["action"], data={"lang": "en", "back": f"/w/{workshop_id}"}, follow_redirects=False
    )
    assert response.status_code == 303
    assert page(client.get(f"/w/{workshop_id}")).html["lang"] == "en"


def test_language_switch_refuses_an_unknown_language(client):
    _, workshop = open_workshop(client, stage="weighting")
    workshop_id = _join_in_spanish(client, workshop["join_code"])
    response = client.post(f"/w/{workshop_id}/language", data={"lang": "klingon"})
    assert response.status_code == 422


def test_language_switch_never_sends_back_to_another_site(client):
    _, workshop = open_workshop(client, stage="weighting")
    workshop_id = _join_in_spanish(client, workshop["join_code"])
    response = client.post(
        f"/w/{workshop_id}/language",
        data={"lang": "es", "back": "https://elsewhere.example/"},
        follow_redirects=False,
    )
    assert response.headers["location"] == f"/w/{workshop_id}"


def test_api_join_takes_a_language(client):
    _, workshop = open_workshop(client)
    response = client.post(
        f"{API}/join",
        json={"join_code": workshop["join_code"], "name": "Luz", "language": "es"},
    )
    assert response.status_code == 201, response.text


def test_error_page_for_a_participant_path_is_in_spanish(client):
    response = client.post("/w/999999/weights", headers=SPANISH, data={})
    doc = page(response)
    assert doc.html["lang"] == "es"
    assert doc.select_one(".error-page h1").text == "No se encontró"
    assert "navegador" in doc.select_one(".error-page .message").text


def test_resume_page_for_another_browser_is_in_spanish(client):
    doc = page(client.get("/w/999999", headers=SPANISH))
    assert doc.html["lang"] == "es"
    assert doc.h1.text == "Continúe donde lo dejó"


def test_facilitator_console_stays_english_for_a_spanish_browser(client):
    sign_in(client)
    doc = page(client.get("/workshops", headers=SPANISH))
    assert doc.html["lang"] == "en"


def test_revealed_results_in_spanish_write_percentages_with_a_decimal_comma(client):
    sign_in(client)
    _, workshop = open_workshop(client)
    pat = join(client, workshop["join_code"])
    give_weights(client, pat, workshop["id"], {"credibility": 1, "neutrality": 2})
    rate_everything(client, pat, workshop, CLEAR_ORDER)
    client.post(f"/workshops/{workshop['id']}/reveal", data={"visible": "true"})
    workshop_id = _join_in_spanish(client, workshop["join_code"])
    doc = page(client.get(f"/w/{workshop_id}"))
    row = doc.select_one('#my-weights-vs-group tr[data-criterion="neutrality"]')
    assert row.th.text == "Neutralidad"
    assert row.select_one("td .small").text == "66,7\u00a0%"
    first = doc.select_one('#my-group-ranking li[data-rank="1"] .bar-label')
    assert first.text == default_catalogue().text_in("es").models["funder"].name


def _english_left(doc: BeautifulSoup) -> list[str]:
    return ENGLISH_WORDS.findall(_visible_text(doc))


def _spanish_participant(client, stage: str, **method: str):  # noqa: ANN001, ANN202
    auth, workshop = open_workshop(client, stage=stage, title="Taller de la red")
    if method:
        response = client.put(f"{API}/workshops/{workshop['id']}/method", json=method, headers=auth)
        assert response.status_code == 200, response.text
    workshop_id = _join_in_spanish(client, workshop["join_code"])
    return auth, workshop, workshop_id


@pytest.mark.parametrize(
    "method",
    [
        pytest.param({}, id="points"),
        pytest.param({"elicitation": "rank"}, id="ranks"),
        pytest.param({"elicitation": "swing"}, id="swing"),
        pytest.param({"elicitation": "ahp", "weight_aggregation": "aij"}, id="pairs"),
    ],
)
def test_spanish_weighing_page_shows_no_english_in_any_method(client, method):
    _, _, workshop_id = _spanish_participant(client, "weighting", **method)
    doc = page(client.get(f"/w/{workshop_id}"))
    assert doc.select_one("#weights") is not None
    assert _english_left(doc) == []


@pytest.mark.parametrize("order", ["option", "criterion"])
def test_spanish_rating_step_shows_no_english(client, order):
    auth, workshop, workshop_id = _spanish_participant(client, "scoring")
    client.patch(f"{API}/workshops/{workshop['id']}", json={"rating_order": order}, headers=auth)
    doc = page(client.get(f"/w/{workshop_id}"))
    assert doc.select_one("#rate") is not None
    assert _english_left(doc) == []


def test_spanish_rating_saved_and_done_show_no_english(client):
    auth, workshop, workshop_id = _spanish_participant(client, "scoring")
    for option in workshop["options"]:
        data = {f"rating.{c['key']}": "3" for c in workshop["criteria"]}
        client.post(f"/w/{workshop_id}/options/{option['key']}", data=data)
    doc = page(client.get(f"/w/{workshop_id}?saved=x"))
    assert doc.select_one("#rating-done") is not None
    assert _english_left(doc) == []


def test_spanish_weights_error_is_in_spanish(client):
    _, workshop, workshop_id = _spanish_participant(client, "weighting")
    response = client.post(f"/w/{workshop_id}/weights", data={"points.credibility": "30"})
    assert response.status_code == 422
    error = page(response).select_one("#weights-error").text
    assert error.startswith("Reparta exactamente 100 puntos")


def test_spanish_revealed_results_and_brief_show_no_english(client):
    sign_in(client)
    _, workshop = open_workshop(client, title="Taller de la red")
    pat = join(client, workshop["join_code"])
    give_weights(client, pat, workshop["id"], {"credibility": 1, "neutrality": 2})
    rate_everything(client, pat, workshop, CLEAR_ORDER)
    client.post(f"/workshops/{workshop['id']}/reveal", data={"visible": "true"})
    workshop_id = _join_in_spanish(client, workshop["join_code"])
    doc = page(client.get(f"/w/{workshop_id}"))
    assert doc.select_one("#group-results") is not None
    assert _english_left(doc) == []
    brief = page(client.get(f"/w/{workshop_id}/brief"))
    assert brief.select_one("#backbone-term") is not None
    assert _english_left(brief) == []


def test_spanish_decided_page_links_spanish_documents(client):
    auth, workshop, _ = workshop_with_clear_ranking(client)
    workshop_id = _join_in_spanish(client, workshop["join_code"])
    client.post(
        f"{API}/workshops/{workshop['id']}/decision",
        json={"option": "funder", "rationale": "Tiene fondos."},
        headers=auth,
    )
    doc = page(client.get(f"/w/{workshop_id}"))
    link = doc.select_one('#my-downloads a[href$="export.md"]')["href"]
    assert "## Decisión" in client.get(link).text
    assert _english_left(doc) == []


def test_join_and_resume_pages_in_spanish_show_no_english(client):
    for url in ("/join?lang=es", "/resume?lang=es"):
        doc = page(client.get(url))
        assert doc.html["lang"] == "es", url
        assert _english_left(doc) == [], url


def test_spanish_pairwise_check_and_judgments_to_revisit_are_in_spanish(client):
    _, workshop, workshop_id = _spanish_participant(
        client, "weighting", elicitation="ahp", weight_aggregation="aij"
    )
    keys = [c["key"] for c in workshop["criteria"]]
    # A circle (the first beats the second, the second the third, the third the first).
    strong = {(0, 1): "first", (1, 2): "first", (0, 2): "second"}
    data = {}
    for i, a in enumerate(keys):
        for j in range(i + 1, len(keys)):
            pair = f"{a}.{keys[j]}"
            data[f"side.{pair}"] = strong.get((i, j), "equal")
            if (i, j) in strong:
                data[f"strength.{pair}"] = "9"
    client.post(f"/w/{workshop_id}/pairwise", data=data)
    doc = page(client.get(f"/w/{workshop_id}"))
    check = doc.select_one("#consistency")
    assert check.p.text.startswith("Algunas comparaciones se contradicen")
    assert "Usted dijo que" in doc.select_one("#revisit-list").text
    assert _english_left(doc) == []


def test_polled_views_change_etag_with_the_language(client):
    _, workshop = open_workshop(client, stage="weighting")
    workshop_id = _join_in_spanish(client, workshop["join_code"])
    spanish = client.get(f"/w/{workshop_id}/stage").headers["ETag"]
    room_tag = client.get(f"/w/{workshop_id}/room").headers["ETag"]
    client.post(f"/w/{workshop_id}/language", data={"lang": "en"})
    again = client.get(f"/w/{workshop_id}/stage", headers={"If-None-Match": spanish})
    assert again.status_code == 200 and "Now:" in again.text
    room = client.get(f"/w/{workshop_id}/room", headers={"If-None-Match": room_tag})
    assert room.status_code == 200
