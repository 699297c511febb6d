"""Reading exported files back with real readers: poppler's pdftotext and pdftoppm, python-docx,
the csv module, BeautifulSoup."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup
from docx import Document


def pdf_text(content: bytes) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    )
    return done.stdout.decode()


def pdf_info(content: bytes) -> dict[str, str]:
    done = subprocess.run(["pdfinfo", "-"], input=content, capture_output=True, check=True)
    info = {}
    for line in done.stdout.decode(errors="replace").splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def pdf_first_page_png(content: bytes) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "doc.pdf"
        source.write_bytes(content)
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "50",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(source),
                str(Path(tmp) / "page"),
            ],
            check=True,
        )
        return (Path(tmp) / "page.png").read_bytes()


def word(content: bytes):  # type: ignore[no-untyped-def]
    return Document(io.BytesIO(content))


def word_text(content: bytes) -> str:
    doc = word(content)
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def visible_text(ext: str, content: bytes) -> str:
    """Everything a file of this format shows or carries as text, its metadata included."""
    if ext == "pdf":
        return pdf_text(content) + json.dumps(pdf_info(content))
    if ext == "docx":
        props = word(content).core_properties
        fields = ("author", "last_modified_by", "title", "comments")
        return word_text(content) + " ".join(str(getattr(props, p)) for p in fields)
    return content.decode("utf-8-sig")


def csv_rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def html(content: bytes) -> BeautifulSoup:
    return BeautifulSoup(content.decode(), "html.parser")
