"""Rationale documents in Spanish: ?lang=es on the export routes (a participant's copy in their
own language by default) and `backbone export --lang es`; the catalogue's texts, the headings
and the fixed sentences all in Spanish; the JSON record and the CSV stay data; the documents'
catalogue translates every message it marks; a workshop opened from a backbone plan has its plan
section in Spanish too, and the bibliography keeps each published title with a Spanish gloss."""

from __future__ import annotations

import itertools
import re

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from app.catalogue import default_catalogue, load_planning
from app.cli import main
from app.domain.elicitation import MethodSettings
from app.domain.explain import method_sentences
from app.exports.i18n import DOMAIN_WORDS
from app.resources import ROOT
from tests.exports import readers
from tests.exports.test_plan_section import PLAN_TITLE, REPORTS_TO, plan_workshop
from tests.support.api import (
    API,
    give_weights,
    join,
    rate_everything,
    set_stage,
    workshop_with_clear_ranking,
)

DOCUMENTS_PO = ROOT / "app" / "exports" / "locale" / "es" / "LC_MESSAGES" / "documents.po"
ENGLISH_WORDS = re.compile(
    r"\b(the|your|and|with|what|this|from|group|criteria|options|ranked|weights|score|"
    r"decision|who|took|part|none|recorded)\b",
    re.IGNORECASE,
)
SPANISH = default_catalogue().text_in("es")


def _decided(client):  # noqa: ANN001, ANN202
    auth, workshop, member = workshop_with_clear_ranking(client)
    response = client.post(
        f"{API}/workshops/{workshop['id']}/decision",
        json={"option": "funder", "rationale": "Tiene fondos y convoca a todos."},
        headers=auth,
    )
    assert response.status_code in (200, 201), response.text
    return auth, workshop, member


def _messages() -> set[str]:
    found: set[str] = set()
    for folder, method in (
        (ROOT / "app" / "exports", "python"),
        (ROOT / "templates" / "exports", "jinja2"),
    ):
        pattern = "**.py" if method == "python" else "**.html"
        options = {"**.html": {"extensions": "jinja2.ext.i18n", "trimmed": "true"}}
        keywords = {"_": None, "N_": None, "ngettext": (1, 2)}
        for m in extract_from_dir(
            str(folder), [(pattern, method)], options_map=options, keywords=keywords
        ):
            found.add(m[2] if isinstance(m[2], str) else m[2][0])
    return found


def test_every_document_message_has_a_spanish_translation():
    with DOCUMENTS_PO.open("rb") as po:
        catalogue = read_po(po, locale="es")
    missing = []
    for message in sorted(_messages()):
        entry = catalogue.get(message)
        strings = (
            [entry.string]
            if entry and isinstance(entry.string, str)
            else (entry.string if entry else [])
        )
        if entry is None or entry.fuzzy or not all(strings):
            missing.append(message)
    assert missing == []


def test_spanish_documents_keep_every_placeholder():
    with DOCUMENTS_PO.open("rb") as po:
        catalogue = read_po(po, locale="es")
    for entry in catalogue:
        if not entry.id:
            continue
        source = entry.id if isinstance(entry.id, str) else entry.id[0]
        strings = [entry.string] if isinstance(entry.string, str) else list(entry.string)
        for text in strings:
            assert sorted(set(re.findall(r"\{\w+\}", text))) == sorted(
                set(re.findall(r"\{\w+\}", source))
            ), source


def test_domain_words_list_every_method_sentence():
    sentences: set[str] = set()
    for elicitation, rank_method, weights, ratings in itertools.product(
        ("points", "rank", "swing", "ahp"),
        ("roc", "rank_sum", "rank_reciprocal"),
        ("arithmetic", "geometric", "aij"),
        ("mean", "median"),
    ):
        settings = MethodSettings(
            elicitation=elicitation,
            rank_method=rank_method,
            weight_aggregation=weights,
            rating_aggregation=ratings,
        )
        sentences.update(method_sentences(settings, [1.0]))
    assert sentences <= set(DOMAIN_WORDS)


def test_markdown_export_in_spanish_has_spanish_headings_and_catalogue(client):
    auth, workshop, _ = _decided(client)
    response = client.get(f"{API}/workshops/{workshop['id']}/export.md?lang=es", headers=auth)
    assert response.status_code == 200
    text = response.text
    assert "## Decisión" in text and "## Recomendación" in text
    assert SPANISH.criteria["credibility"].name in text
    assert SPANISH.models["funder"].name in text
    assert "## Decision\n" not in text
    assert response.headers["content-disposition"].endswith('-es.md"')


def test_spanish_document_sections_read_without_english_prose(client):
    auth, workshop, _ = _decided(client)
    response = client.get(f"{API}/workshops/{workshop['id']}/export.html?lang=es", headers=auth)
    doc = readers.html(response.content)
    assert doc.html["lang"] == "es"
    for cut in doc.select("#sources, #fingerprint, #appendix-timeline, h1, .typed, code"):
        cut.decompose()
    prose = " ".join(doc.body.get_text(" ").split())
    assert ENGLISH_WORDS.findall(prose) == []


def test_json_record_is_the_same_whatever_the_language(client):
    auth, workshop, _ = _decided(client)
    base = f"{API}/workshops/{workshop['id']}/export.json"
    english = client.get(base, headers=auth).json()
    spanish = client.get(f"{base}?lang=es", headers=auth).json()
    assert spanish["fingerprint"] == english["fingerprint"]


def test_word_export_in_spanish(client):
    auth, workshop, _ = _decided(client)
    response = client.get(f"{API}/workshops/{workshop['id']}/export.docx?lang=es", headers=auth)
    assert "Decisión" in [p.text for p in readers.word(response.content).paragraphs]


def test_participants_copy_comes_in_the_language_they_chose(client):
    auth, workshop, _ = workshop_with_clear_ranking(client)
    joined = client.post(
        f"{API}/join",
        json={"join_code": workshop["join_code"], "name": "Luz", "language": "es"},
    ).json()
    client.post(
        f"{API}/workshops/{workshop['id']}/decision",
        json={"option": "funder", "rationale": "Tiene fondos."},
        headers=auth,
    )
    luz = {"Authorization": f"Bearer {joined['token']}"}
    mine = client.get(f"{API}/workshops/{workshop['id']}/my/export.md", headers=luz)
    assert "## Decisión" in mine.text
    english = client.get(f"{API}/workshops/{workshop['id']}/my/export.md?lang=en", headers=luz)
    assert "## Decision\n" in english.text


def test_export_refuses_an_unknown_language(client):
    auth, workshop, _ = _decided(client)
    response = client.get(f"{API}/workshops/{workshop['id']}/export.md?lang=fr", headers=auth)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "language"


def test_cli_exports_a_spanish_pdf(data_dir, tmp_path):
    assert main(["demo"]) == 0
    pdf = tmp_path / "demo.pdf"
    assert main(["export", "1", "--format", "pdf", "--lang", "es", "-o", str(pdf)]) == 0
    text = readers.pdf_text(pdf.read_bytes())
    assert "Cómo verificar una copia" in text and "Checking a copy" not in text
    # The printed margins too: the running head and the page numbers.
    assert "Página 2 de" in text and "Page 2 of" not in text
    assert "Justificación de la elección" in text and "Backbone selection rationale" not in text


# --- a workshop opened from a backbone plan: the plan section in Spanish ---


def _english_plan_texts() -> list[str]:
    """Every text of the planning catalogue a document can show (long enough not to be a
    word Spanish shares, such as 'No' or 'Total')."""
    p = load_planning(default_catalogue())
    texts = [q.text for q in p.questions.values()]
    texts += [o.label for q in p.questions.values() for o in q.options]
    texts += [r.says for r in p.rules] + [c.label for c in p.carriers]
    for f in p.functions:
        texts += [f.name] + ([f.measures.short_term, f.measures.intermediate] if f.measures else [])
    texts += [r.name for r in p.staff_roles]
    texts += [c.question for c in p.selection] + [o.label for c in p.selection for o in c.options]
    texts += [ph.name for ph in p.phases]
    texts += [t for ph in p.phases for s in ph.steps for t in (s.component, s.text)]
    texts += [t for line in p.budget.lines for t in (line.category, line.label)]
    texts += [p.conditions.intro] + [t for c in p.conditions.items for t in (c.name, c.text)]
    texts += [c.name for c in p.cases.values() if c.kind == "state"]
    return [" ".join(t.split()) for t in texts if len(t) >= 12]


NBSP = "\u00a0"  # between an amount and its currency: '426.650 US$' never breaks

# The plan section's own headings and sentences, as the English document writes them.
PLAN_ENGLISH = (
    "Backbone plan:",
    "This workshop was opened from a state health department's backbone plan",
    "The department's situation",
    "questions answered",
    "What follows",
    "Because:",
    "Not answered",
    "Model planned for",
    "the model the answers lean to",
    "Functions: who carries each",
    "Short-term measure",
    "Staff role",
    "FTE",
    "share of salaries",
    "than the reference budget",
    "figures of 2012",
    "$426,650",
    "$1,000",
    "Selection process",
    "Not decided",
    "The backbone reports to",
    "To do",
    "steps done",
    "Most similar cases",
    "shared answers",
    "What collective impact rests on",
)


def _plan_part(md: str, heading: str) -> str:
    """The document from the plan's heading (and the collective-impact section) to the next
    section that is neither."""
    start = md.index(heading)
    return md[start:].split("\n## ", 1)[0]


def _decided_plan_workshop(client):  # noqa: ANN001, ANN202
    auth, wid, _ = plan_workshop(client)
    workshop = client.get(f"{API}/workshops/{wid}", headers=auth).json()
    set_stage(client, auth, wid, "scoring")
    member = join(client, workshop["join_code"], name="Luz")
    give_weights(client, member, wid, {workshop["criteria"][0]["key"]: 1})
    rate_everything(client, member, workshop, 3)
    chosen = workshop["options"][0]["key"]
    decided = client.post(
        f"{API}/workshops/{wid}/decision",
        json={"option": chosen, "rationale": "Conoce a los proveedores."},
        headers=auth,
    )
    assert decided.status_code in (200, 201), decided.text
    return auth, wid


def test_spanish_plan_section_shows_no_english_text_of_the_plan(client):
    auth, wid, _ = plan_workshop(client)
    base = f"{API}/workshops/{wid}/export.md"
    english = client.get(base, headers=auth).text
    spanish = client.get(f"{base}?lang=es", headers=auth).text
    plan_en = _plan_part(english, "## Backbone plan: ") + _plan_part(
        english, "## What collective impact rests on"
    )
    plan_es = _plan_part(spanish, "## Plan de la organización de apoyo central: ") + _plan_part(
        spanish, "## En qué se basa el impacto colectivo"
    )
    shown = [t for t in _english_plan_texts() if t in plan_en]
    assert len(shown) > 60  # the English document shows them, so the check below means something
    assert [t for t in shown if t in plan_es] == []
    assert [s for s in PLAN_ENGLISH if s in plan_es] == []
    # What the plan says, in Spanish; what the planner typed, as typed.
    for text in (
        "### La situación del departamento",
        "| ¿Cuánto tarda normalmente un contrato nuevo en su departamento? | Casi un año",
        "_Porque: ¿Confían los proveedores en el departamento",
        "| Acercamiento a la comunidad | Un socio |",
        "| Director o directora del proyecto | 1 |",
        "|  | Total | 426.650 US$ | 425.650 US$ |",  # a Markdown cell is on one plain line
        (
            "Total: 426.650 US$, 1.000 US$ más que el presupuesto de referencia (425.650 US$, "
            "cifras de 2012)"
        ).replace(" US$", f"{NBSP}US$"),
        "| Fase I: poner en marcha la acción | Gobernanza e infraestructura |",
        "1 de 12 pasos hechos.",
        "| Departamento de Salud y Medio Ambiente de Kansas | 100 % en 3 respuestas compartidas |",
        "**Medición compartida:**",
        f"Plan de la organización de apoyo central: {PLAN_TITLE}",
        f"**La organización de apoyo central rinde cuentas a:** {REPORTS_TO}",
    ):
        assert text in plan_es, text


def test_sealed_plan_record_comes_out_in_spanish_too(client):
    auth, wid = _decided_plan_workshop(client)
    base = f"{API}/workshops/{wid}/export.md"
    first = client.get(f"{base}?lang=es", headers=auth).text
    assert "### Lo que se desprende" in first and "### What follows" not in first
    # The sealed record's English document is still the English one.
    assert "### What follows" in client.get(base, headers=auth).text


def test_spanish_plan_section_in_html_reads_without_english_prose(client):
    auth, wid, _ = plan_workshop(client)
    response = client.get(f"{API}/workshops/{wid}/export.html?lang=es", headers=auth)
    doc = readers.html(response.content)
    section = doc.select_one("section#plan")
    assert section is not None
    for cut in section.select("h2, #plan-reports-to, .typed"):
        cut.decompose()
    prose = " ".join(section.get_text(" ").split())
    assert ENGLISH_WORDS.findall(prose) == []
    staff = section.select_one("#plan-staff")
    assert staff.select("thead th")[1].get_text() == "ETC"
    assert staff.select_one("caption").get_text().startswith("ETC: equivalente a tiempo completo")


# --- sources: the published title, glossed in Spanish ---


def test_spanish_bibliography_keeps_published_titles_with_a_spanish_gloss(client):
    auth, wid, _ = plan_workshop(client)
    base = f"{API}/workshops/{wid}/export"
    md = client.get(f"{base}.md?lang=es", headers=auth).text
    bibliography = md.split("## Fuentes citadas", 1)[1]
    deck = default_catalogue().sources["building-backbone-organizations-workshop"]
    gloss = SPANISH.sources[deck.key].gloss
    assert f"{deck.title} \\[{gloss}\\]. Social Impact Consultants, para el" in bibliography
    html = readers.html(client.get(f"{base}.html?lang=es", headers=auth).content)
    entries = html.select("#sources ol.sources li")
    assert entries and all(li.select_one('cite[lang="en"]') for li in entries)
    assert all("[" in li.get_text() for li in entries)
    english = client.get(f"{base}.md", headers=auth).text
    assert gloss not in english and "\\[Cómo" not in english
