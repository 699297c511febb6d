"""Rationale documents in Spanish: ?lang=es on the export routes (a participant's copy in their
own language by default) and `backbone export --lang es`; the catalogue's texts, the headings
and the fixed sentences all in Spanish; the JSON record and the CSV stay data; the documents'
catalogue translates every message it marks."""

from __future__ import annotations

import itertools
import re

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from app.catalogue import default_catalogue
from app.cli import main
from app.domain.elicitation import MethodSettings
from app.domain.explain import method_sentences
from app.exports.i18n import DOMAIN_WORDS
from app.resources import ROOT
from tests.exports import readers
from tests.support.api import API, workshop_with_clear_ranking

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
