"""The CLI's export and import, and the download links on the workshop page."""

from __future__ import annotations

import json

from app.cli import main
from tests.exports import readers
from tests.support.api import API, workshop_with_clear_ranking
from tests.support.pages import page, sign_in


def test_cli_exports_pdf_and_imports_the_json_record(data_dir, capsys, tmp_path):
    assert main(["demo"]) == 0
    pdf, record = tmp_path / "demo.pdf", tmp_path / "demo.json"
    assert main(["export", "1", "--format", "pdf", "-o", str(pdf)]) == 0
    assert "Checking a copy" in readers.pdf_text(pdf.read_bytes())
    assert main(["export", "1", "--format", "json", "-o", str(record)]) == 0
    capsys.readouterr()
    assert main(["import", str(record)]) == 0
    assert "Imported workshop 2" in capsys.readouterr().out
    copy = tmp_path / "copy.json"
    assert main(["export", "2", "--format", "json", "-o", str(copy)]) == 0
    first, again = json.loads(record.read_text()), json.loads(copy.read_text())
    imported = again["events"].pop()
    assert imported["kind"] == "imported" and first["fingerprint"] in imported["detail"]
    for data in (first, again):
        data["workshop"].pop("id")
        data.pop("fingerprint")
        data.pop("signature")
    assert first == again


def test_cli_import_refuses_a_tampered_file(data_dir, capsys, tmp_path):
    assert main(["demo"]) == 0
    record = tmp_path / "demo.json"
    assert main(["export", "1", "--format", "json", "-o", str(record)]) == 0
    record.write_text(record.read_text().replace('"anonymous": false', '"anonymous": true'))
    capsys.readouterr()
    assert main(["import", str(record)]) == 2
    assert "fingerprint does not match" in capsys.readouterr().err


def test_decided_workshop_page_links_every_format(client):
    auth, w, _ = workshop_with_clear_ranking(client)
    client.post(
        f"{API}/workshops/{w['id']}/decision",
        json={"option": "funder", "rationale": "Why"},
        headers=auth,
    )
    sign_in(client)
    doc = page(client.get(f"/workshops/{w['id']}"))
    links = {a["href"] for a in doc.select("#decision p.downloads a[download]")}
    assert links == {
        f"/workshops/{w['id']}/export.{e}" for e in ("pdf", "docx", "html", "md", "json", "csv")
    }
    response = client.get(f"/workshops/{w['id']}/export.docx")
    assert response.status_code == 200
    assert "Decision" in [p.text for p in readers.word(response.content).paragraphs]
