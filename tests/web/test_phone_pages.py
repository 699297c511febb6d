"""A participant's pages on a phone: the brief, one rating step at a time with its progress, the
way back in on another device (resume form, resume QR), and no duplicate on joining again."""

from __future__ import annotations

from tests.support.api import open_workshop
from tests.support.pages import HTMX, WITH_AND_WITHOUT_HTMX, join_in_page, joined, page, sign_in

CRITERIA = ("credibility", "neutrality", "funding", "bureaucracy")


def test_brief_shows_questions_anchors_and_cited_sources(client):
    _, w = joined(client, stage="setup")
    doc = page(client.get(f"/w/{w['id']}/brief"))
    criterion = doc.select_one("#criterion-credibility")
    assert criterion.select("ul.questions li")
    assert [dt.text for dt in criterion.select("dl.scale-anchors dt")] == ["1", "3", "5"]
    option = doc.select_one("#option-nonprofit")
    assert option.select("ul.pros li") and option.select("ul.cons li")
    assert option.select_one("cite").text.strip()


def test_brief_by_join_code_is_reachable_before_joining(client):
    _, w = open_workshop(client, stage="setup", goal="Fewer infant deaths")
    client.cookies.clear()
    doc = page(client.get(f"/join?code={w['join_code']}"))
    link = doc.select_one("#join-brief-link")["href"]
    brief = page(client.get(link))
    assert "Fewer infant deaths" in brief.select_one("#brief-goal").text


def test_brief_with_a_wrong_code_is_404_on_the_join_form(client):
    response = client.get("/brief?code=NOPE99")
    assert response.status_code == 404
    assert page(response).select_one("#join-form") is not None


def test_every_step_links_to_the_brief(client):
    _, w = joined(client)
    doc = page(client.get(f"/w/{w['id']}"))
    assert doc.select_one("#brief-link")["href"] == f"/w/{w['id']}/brief"


def test_participant_page_on_another_browser_offers_resume(client):
    _, w = joined(client)
    client.cookies.clear()
    response = client.get(f"/w/{w['id']}")
    assert response.status_code == 404
    doc = page(response)
    assert doc.select_one("#not-here") is not None
    assert doc.select_one('#resume-form input[name="resume_code"]') is not None


def test_resume_form_opens_the_same_participant_here(client):
    _, w = joined(client)
    code = client.cookies.get("bs_resume")
    client.cookies.clear()
    response = client.post(
        "/resume", data={"join_code": w["join_code"], "resume_code": code}, follow_redirects=False
    )
    assert response.status_code == 303
    doc = page(client.get(f"/w/{w['id']}"))
    assert "Kim" in doc.select_one("#about-me").text


def test_resume_form_with_a_wrong_code_keeps_input_and_says_why(client):
    _, w = joined(client)
    response = client.post("/resume", data={"join_code": w["join_code"], "resume_code": "ABCD"})
    assert response.status_code == 404
    doc = page(response)
    assert doc.select_one('input[name="join_code"]')["value"] == w["join_code"]
    assert doc.select_one("#resume-form .field-error") is not None


def test_joining_again_with_the_same_name_offers_to_resume(client):
    _, w = joined(client)
    client.cookies.clear()
    data = {"join_code": w["join_code"], "name": "KIM", "sector": "community"}
    response = client.post("/join", data=data)
    assert response.status_code == 409
    assert page(response).select_one("#resume-instead") is not None
    again = client.post("/join", data=data | {"someone_else": "1"}, follow_redirects=False)
    assert again.status_code == 303


def test_new_participant_sees_the_resume_code_and_its_qr(client):
    _, w = joined(client)
    doc = page(client.get(f"/w/{w['id']}?welcome=1"))
    assert doc.select_one("#resume-box").has_attr("open")
    assert len(doc.select_one("#resume-code").text.replace("-", "")) == 8
    qr = client.get(doc.select_one("#resume-box img.qr")["src"])
    assert qr.headers["content-type"].startswith("image/svg+xml")
    assert qr.headers["cache-control"] == "no-store"


def test_rating_a_step_by_plain_form_lands_on_the_next_with_saved(client):
    _, w = joined(client)
    data = {f"rating.{k}": "3" for k in CRITERIA} | {"go": "next"}
    response = client.post(f"/w/{w['id']}/options/funder", data=data, follow_redirects=False)
    assert response.headers["location"] == f"/w/{w['id']}?step=nonprofit&saved=funder#rate"
    doc = page(client.get(response.headers["location"]))
    assert doc.select_one("#step-saved") is not None
    assert doc.select_one("#rate-progress").text.strip() == "1 of 5 options rated"
    assert doc.select_one('.stepper li.current a[aria-current="step"]') is not None
    assert doc.select_one("#option-nonprofit") is not None


@WITH_AND_WITHOUT_HTMX
def test_rating_every_option_ends_in_the_done_state(client, headers):
    _, w = joined(client)
    for option in ("funder", "nonprofit", "government", "multi-org", "steering-committee"):
        data = {f"rating.{k}": "4" for k in CRITERIA} | {"go": "next"}
        client.post(f"/w/{w['id']}/options/{option}", data=data, headers=headers)
    doc = page(client.get(f"/w/{w['id']}"))
    assert doc.select_one("#rating-done") is not None
    assert doc.select_one("#rate-progress").text.strip() == "5 of 5 options rated"


def test_a_choice_saved_by_htmx_updates_the_progress_out_of_band(client):
    _, w = joined(client)
    data = {f"rating.{k}": "2" for k in CRITERIA}
    doc = page(client.post(f"/w/{w['id']}/options/funder", data=data, headers=HTMX))
    assert doc.select_one("#option-funder .saved") is not None
    nav = doc.select_one('#rate-steps[hx-swap-oob="true"]')
    assert nav.select_one("#rate-progress").text.strip() == "1 of 5 options rated"


def test_custom_criterion_form_takes_questions_and_anchors_for_the_brief(client):
    auth, w = open_workshop(client, stage="setup")
    sign_in(client)
    data = {
        "name": "Rural reach",
        "direction": "benefit",
        "guiding_questions": "Who works there now?\nWho would travel?",
        "scale.1": "Nobody",
        "scale.3": "A few partners",
        "scale.5": "Everywhere",
    }
    response = client.post(f"/workshops/{w['id']}/criteria", data=data, follow_redirects=False)
    assert response.status_code == 303
    console = page(client.get(f"/workshops/{w['id']}"))
    questions = console.select('#guiding-questions details[data-criterion="rural-reach"] li')
    assert [q.text for q in questions] == ["Who works there now?", "Who would travel?"]
    join_in_page(client, w["join_code"])
    brief = page(client.get(f"/w/{w['id']}/brief")).select_one("#criterion-rural-reach")
    assert [dd.text for dd in brief.select("dl.scale-anchors dd")] == [
        "Nobody",
        "A few partners",
        "Everywhere",
    ]


def test_facilitator_console_shows_each_criterions_guiding_questions(client):
    _, w = open_workshop(client, stage="weighting")
    sign_in(client)
    doc = page(client.get(f"/workshops/{w['id']}"))
    assert len(doc.select("#guiding-questions details.discuss")) == 4
    assert doc.select('#guiding-questions details[data-criterion="neutrality"] li')


@WITH_AND_WITHOUT_HTMX
def test_rating_one_criterion_at_a_time(client, headers):
    auth, w = open_workshop(client)
    client.patch(f"/api/v1/workshops/{w['id']}", json={"rating_order": "criterion"}, headers=auth)
    join_in_page(client, w["join_code"])
    doc = page(client.get(f"/w/{w['id']}"))
    assert doc.select_one("#rate-progress").text.strip() == "0 of 4 criteria rated"
    assert len(doc.select("#criterion-credibility fieldset.rating")) == 5
    options = ("funder", "nonprofit", "government", "multi-org", "steering-committee")
    data = {f"rating.{o}": "5" for o in options} | {"go": "next"}
    response = client.post(
        f"/w/{w['id']}/criteria/credibility", data=data, headers=headers, follow_redirects=False
    )
    assert response.status_code in (204, 303)
    doc = page(client.get(f"/w/{w['id']}"))
    assert doc.select_one("#rate-progress").text.strip() == "1 of 4 criteria rated"
    assert doc.select_one("#criterion-neutrality") is not None


def test_brief_of_a_joined_participant_keeps_the_stage_notice(client):
    _, w = joined(client)
    doc = page(client.get(f"/w/{w['id']}/brief"))
    notice = doc.select_one("#stage-notice[hx-get][hx-trigger]")
    assert notice.select_one(".stage-banner")["data-stage"] == "scoring"


def test_brief_wrong_codes_count_with_wrong_join_codes(client, app):
    app.state.settings.join_failures_allowed = 2
    try:
        statuses = [client.get(f"/brief?code=NOPE{i}9").status_code for i in range(2)]
        statuses.append(client.post("/join", data={"join_code": "NOPE39", "name": "X"}).status_code)
    finally:
        app.state.settings.join_failures_allowed = 20
    assert statuses == [404, 404, 429]


def test_done_rating_without_weights_says_the_weights_are_missing(client):
    _, w = joined(client)
    for option in ("funder", "nonprofit", "government", "multi-org", "steering-committee"):
        data = {f"rating.{k}": "4" for k in CRITERIA}
        client.post(f"/w/{w['id']}/options/{option}", data=data, headers=HTMX)
    doc = page(client.get(f"/w/{w['id']}"))
    assert doc.select_one("#rating-done") is not None
    assert doc.select_one('#weights-missing a[href="#my-weights"]') is not None
