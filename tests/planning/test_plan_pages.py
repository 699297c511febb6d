"""The planning pages, asserted by CSS selector: questionnaire, consequences with sources,
similar cases, the plan editor, the budget (plain and htmx), conversion and the cases library."""

from __future__ import annotations

from tests.support.pages import HTMX, WITH_AND_WITHOUT_HTMX, page, shown, sign_in


def start_plan(client, title="Prevention network") -> int:
    sign_in(client)
    response = client.post("/plans", data={"title": title}, follow_redirects=False)
    assert response.status_code == 303
    return int(response.headers["location"].rsplit("/", 1)[1])


def test_plan_pages_need_sign_in(client):
    response = client.get("/plans", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_plan_pages_linked_from_nav_and_workshops(client):
    sign_in(client)
    doc = page(client.get("/workshops"))
    assert doc.select_one('header nav a[href="/plans"]').text == "Plan (state health department)"
    assert doc.select_one('#plan-link a[href="/plans"]') is not None


def test_plan_pages_too_long_title_comes_back_422_with_input(client):
    sign_in(client)
    response = client.post("/plans", data={"title": "x" * 201})
    assert response.status_code == 422
    doc = page(response)
    assert doc.select_one('#create-plan input[name="title"]')["value"] == "x" * 201
    assert doc.select_one("#error-title") is not None


def test_plan_page_questionnaire_says_why_each_question_matters(client):
    doc = page(client.get(f"/plans/{start_plan(client)}"))
    questions = doc.select("#answers-form fieldset.question")
    assert len(questions) == 13
    assert all(q.select_one("p.why") and q.select_one("cite[data-source]") for q in questions)
    assert doc.select_one("#no-consequences") is not None


def test_plan_page_answers_show_consequences_with_sources(client):
    plan_id = start_plan(client)
    form = {"answers.contracting-time": "long", "answers.data-trust": "wary"}
    response = client.post(f"/plans/{plan_id}/answers", data=form, follow_redirects=False)
    assert response.status_code == 303
    doc = page(client.get(f"/plans/{plan_id}"))
    rules = [li["data-rule"] for li in doc.select("#consequences li.consequence")]
    assert rules == ["slow-contracting-no-vehicle", "data-distrust"]
    data = doc.select_one('li.consequence[data-rule="data-distrust"]')
    assert data.select_one('.emphasis[data-criterion="neutrality"][data-change="more"]')
    assert data.select_one("cite[data-source]")["data-source"] == (
        "bsi-state-health-department-backbone-models"
    )
    assert doc.select_one('input[name="answers.data-trust"][value="wary"]').has_attr("checked")


def test_plan_page_tampered_answer_is_422_with_the_other_answers_kept(client):
    plan_id = start_plan(client)
    form = {"answers.contracting-time": "forever", "answers.data-trust": "wary"}
    response = client.post(f"/plans/{plan_id}/answers", data=form)
    assert response.status_code == 422
    doc = page(response)
    assert doc.select_one("#error-answers-contracting-time") is not None
    assert doc.select_one('input[name="answers.data-trust"][value="wary"]').has_attr("checked")


def test_plan_page_situations_like_yours_ranks_cases_and_says_why(client):
    plan_id = start_plan(client)
    form = {"answers.supplier-ties": "some", "answers.data-trust": "wary"}
    client.post(f"/plans/{plan_id}/answers", data=form)
    doc = page(client.get(f"/plans/{plan_id}"))
    first = doc.select_one("#similar-cases li.similar-case")
    assert first["data-case"] == "kansas"
    assert first.select_one(".similarity").text == "100% alike"
    assert first.select_one(".coverage").text == "on 2 of your 2 answers"
    alike = [t["data-question"] for t in first.select(".alike [data-question]")]
    assert alike == ["supplier-ties", "data-trust"]
    assert doc.select_one("#how-alike") is not None


def test_plan_page_similar_case_shows_what_its_source_does_not_say(client):
    plan_id = start_plan(client)
    form = {"answers.supplier-ties": "strong", "answers.data-trust": "shares"}
    client.post(f"/plans/{plan_id}/answers", data=form)
    doc = page(client.get(f"/plans/{plan_id}"))
    first = doc.select_one("#similar-cases li.similar-case")
    # Wisconsin agrees on providers; its source is silent on data, which is shown, not counted.
    assert (first["data-case"], first.select_one(".similarity").text) == ("wisconsin", "100% alike")
    assert first.select_one(".coverage").text == "on 1 of your 2 answers"
    unknown = [li["data-question"] for li in first.select(".unknown li[data-question]")]
    assert unknown == ["data-trust"]
    kansas = doc.select_one('#similar-cases li.similar-case[data-case="kansas"]')
    assert [s["data-question"] for s in kansas.select(".differ [data-question]")] == ["data-trust"]


def test_plan_page_plan_form_saves_model_staff_selection_and_phases(client):
    plan_id = start_plan(client)
    form = {
        "model": "public-health-institute",
        "selection.home": "existing",
        "selection.process": "closed",
        "staff.project-director": "1",
        "staff.data-manager": "0.5",
        "staff.facilitator": "2",
        "reports_to": "Bureau director",
        "phases_done": ["initiate-governance", "organize-planning"],
    }
    response = client.post(f"/plans/{plan_id}/plan", data=form, follow_redirects=False)
    assert response.status_code == 303
    doc = page(client.get(f"/plans/{plan_id}"))
    assert "Public health institute" in doc.select_one("#plan-model strong").text
    assert doc.select_one("#total-fte").text == "3.5"
    checked = [i["value"] for i in doc.select('input[name="phases_done"][checked]')]
    assert checked == ["initiate-governance", "organize-planning"]
    assert doc.select_one('input[name="selection.process"][value="closed"]').has_attr("checked")


def test_plan_page_bad_fte_is_422_with_input_kept(client):
    plan_id = start_plan(client)
    form = {"staff.data-manager": "lots", "reports_to": "Bureau director"}
    response = client.post(f"/plans/{plan_id}/plan", data=form)
    assert response.status_code == 422
    doc = page(response)
    assert doc.select_one('input[name="staff.data-manager"]')["value"] == "lots"
    assert doc.select_one("#error-staff-data-manager") is not None
    assert doc.select_one('input[name="reports_to"]')["value"] == "Bureau director"


def test_plan_page_functions_matrix_assigns_a_carrier(client):
    plan_id = start_plan(client)
    doc = page(client.get(f"/plans/{plan_id}"))
    assert len(doc.select("#functions-matrix tbody tr")) == 7
    row = doc.select_one('#functions-matrix tr[data-function="programs"]')
    assert row["data-carrier"] == "backbone"
    client.post(f"/plans/{plan_id}/functions", data={"carriers.programs": "partner"})
    doc = page(client.get(f"/plans/{plan_id}"))
    row = doc.select_one('#functions-matrix tr[data-function="programs"]')
    assert row["data-carrier"] == "partner"
    strategic = doc.select_one('#functions-matrix tr[data-function="strategic-coherence"]')
    assert strategic.select_one(".measure-short").text.strip()


def test_plan_page_budget_shows_reference_year_and_total(client):
    doc = page(client.get(f"/plans/{start_plan(client)}"))
    assert doc.select_one("#budget-total").text == "425,650"
    assert "2012" in doc.select_one("#budget-table th.num").text
    assert len(doc.select("#budget-table tbody tr[data-line]")) == 11


@WITH_AND_WITHOUT_HTMX
def test_plan_page_budget_shows_the_new_totals(client, headers):
    plan_id = start_plan(client)
    form = {"amount.salary-director": "90000", "new_label": "Translation", "new_amount": "5000"}
    response = client.post(
        f"/plans/{plan_id}/budget", data=form, headers=headers, follow_redirects=False
    )
    # htmx gets the budget partial; without JavaScript the post redirects back to the plan.
    assert response.status_code == (200 if headers == HTMX else 303)
    doc = shown(client, response, f"/plans/{plan_id}")
    assert (doc.select_one("html") is None) == (headers == HTMX)
    assert doc.select_one("section#budget") is not None
    assert doc.select_one("#budget-total").text == "442,650"
    assert doc.select_one('tr[data-line="benefits"] input')["placeholder"] == "47000"
    assert doc.select_one('tr[data-line="translation"] .tag').text == "added"


@WITH_AND_WITHOUT_HTMX
def test_plan_page_budget_bad_amount_is_422_with_input_kept(client, headers):
    plan_id = start_plan(client)
    form = {"amount.office": "a lot", "amount.travel-meetings": "20000"}
    response = client.post(f"/plans/{plan_id}/budget", data=form, headers=headers)
    assert response.status_code == 422
    doc = page(response)
    assert doc.select_one('input[name="amount.office"]')["value"] == "a lot"
    assert doc.select_one('input[name="amount.travel-meetings"]')["value"] == "20000"
    assert doc.select_one("#error-amount-office") is not None


def test_plan_page_convert_opens_a_workshop_showing_the_proposed_weights(client):
    plan_id = start_plan(client)
    client.post(f"/plans/{plan_id}/answers", data={"answers.admin-load": "little"})
    response = client.post(
        f"/plans/{plan_id}/workshop", data={"title": "Our backbone"}, follow_redirects=False
    )
    assert response.status_code == 303
    doc = page(client.get(response.headers["location"]))
    assert doc.select_one("#workshop-title").text == "Our backbone"
    rows = {
        tr["data-criterion"]: int(tr.select_one(".num").text)
        for tr in doc.select("#proposed-weights tr[data-criterion]")
    }
    assert sum(rows.values()) == 100
    assert rows["administrative-burden"] == max(rows.values())
    plan = page(client.get(f"/plans/{plan_id}"))
    assert plan.select_one("#converted a")["href"] == response.headers["location"]
    assert plan.select_one("#convert-form") is None


def test_cases_library_shows_states_and_type_examples(client):
    sign_in(client)
    doc = page(client.get("/cases"))
    assert len(doc.select("#cases-state article.case")) == 5
    assert len(doc.select("#cases-type-example article.case")) == 6
    kansas = doc.select_one("#case-kansas")
    known = kansas.select_one('.features li[data-question="data-trust"]')
    assert known["data-known"] == "yes" and known.select_one(".not-known") is None
    silent = kansas.select_one('.features li[data-question="existing-contracts"]')
    assert silent["data-known"] == "no" and silent.select_one(".not-known").text == "Not known"
    assert len(kansas.select(".features li")) == 13
    calgary = doc.select_one("#case-calgary-homeless-foundation")
    assert calgary.select_one(".no-answers") is not None
    assert len(calgary.select('.features li[data-known="no"]')) == 13
    assert kansas.select_one("cite[data-source]") is not None


@WITH_AND_WITHOUT_HTMX
def test_plan_page_budget_year_shown_as_the_planners_assumption(client, headers):
    plan_id = start_plan(client)
    form = {"adjustment.year": "2026", "adjustment.factor": "1.5"}
    response = client.post(
        f"/plans/{plan_id}/budget", data=form, headers=headers, follow_redirects=False
    )
    doc = shown(client, response, f"/plans/{plan_id}")
    note = doc.select_one("#budget-adjustment").text
    assert "2026 dollars" in note and "assumption" in note and "638,475" in note
    assert doc.select_one("#budget-total").text == "638,475"
    assert doc.select_one('input[name="adjustment.year"]')["value"] == "2026"
    assert doc.select_one('tr[data-line="salary-director"] input')["placeholder"] == "120000"


def test_plan_page_budget_year_error_keeps_the_input(client):
    plan_id = start_plan(client)
    form = {"adjustment.year": "2026", "adjustment.factor": "lots"}
    response = client.post(f"/plans/{plan_id}/budget", data=form, headers=HTMX)
    assert response.status_code == 422
    doc = page(response)
    assert doc.select_one('input[name="adjustment.factor"]')["value"] == "lots"
    assert doc.select_one("#error-adjustment-factor") is not None


def test_plan_page_budget_follows_the_staff_fte_and_says_what_paid_for_it(client):
    plan_id = start_plan(client)
    client.post(f"/plans/{plan_id}/plan", data={"staff.data-manager": "0.5"})
    doc = page(client.get(f"/plans/{plan_id}"))
    row = doc.select_one('tr[data-line="salary-data-manager"]')
    assert row.select_one(".tag.fte").text == "0.5 FTE"
    assert row.select_one("input")["placeholder"] == "32500"
    assert "grants and fees" in doc.select_one("#budget-covered").text


def test_plan_page_brief_gives_the_five_conditions_and_staff_competencies(client):
    doc = page(client.get(f"/plans/{start_plan(client)}"))
    conditions = doc.select("#collective-impact dt[data-condition]")
    assert [c["data-condition"] for c in conditions] == [
        "common-agenda",
        "shared-measurement",
        "mutually-reinforcing-activities",
        "continuous-communication",
        "backbone-support",
    ]
    assert len(doc.select("#collective-impact cite[data-source]")) == 2
    for role in doc.select("#staff-table tr[data-role]"):
        assert "critical thinking" in role.select_one("ul").text
    facilitator = doc.select_one('#staff-table tr[data-role="facilitator"]').text
    assert "realistically" in facilitator


def test_plan_page_diversity_question_and_its_consequence(client):
    plan_id = start_plan(client)
    client.post(f"/plans/{plan_id}/answers", data={"answers.reflects-diversity": "partly"})
    doc = page(client.get(f"/plans/{plan_id}"))
    assert doc.select_one('#answers-form input[name="answers.reflects-diversity"]') is not None
    assert doc.select_one('#consequences li.consequence[data-rule="diversity-gap"]') is not None
