"""A spreadsheet printed as its recipients print it (LibreOffice headless, Debian's
`libreoffice-calc-nogui`), and the words of a PDF with their boxes (poppler's
`pdftotext -bbox`): what was printed, and whether two words are drawn over each other."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest

#: A word's box (x0, top, x1, bottom) and its text, as `pdftotext -bbox` gives them.
Word = tuple[float, float, float, float, str]


def libreoffice_print(xlsx: Path, folder: Path) -> Path:
    """`xlsx` converted to PDF by LibreOffice into `folder` (skipped without LibreOffice)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) absent : le classeur XLSX n'est pas converti "
                    "(Debian : libreoffice-calc-nogui)")
    profile = (folder / "profil").as_uri()  # its own profile: no clash with another instance
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(xlsx)],
                   capture_output=True, check=True, timeout=300)
    return folder / f"{xlsx.stem}.pdf"


def words_of(pdf: Path) -> list[tuple[float, float, list[Word]]]:
    """Each page's width, height and words (poppler's `pdftotext -bbox`)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) absent : les positions du texte sont illisibles")
    xhtml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    root = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xhtml))
    ns = "{http://www.w3.org/1999/xhtml}"
    pages = []
    for page in root.iter(f"{ns}page"):
        words = [(float(w.get("xMin", 0)), float(w.get("yMin", 0)), float(w.get("xMax", 0)),
                  float(w.get("yMax", 0)), w.text or "") for w in page.iter(f"{ns}word")]
        pages.append((float(page.get("width", 0)), float(page.get("height", 0)), words))
    return pages


def overlaps(words: list[Word]) -> Iterator[tuple[str, str]]:
    """Pairs of words drawn over each other: their boxes share more than a point across and
    more than a third of the smaller height (two lines, one over the other)."""
    for index, a in enumerate(words):
        for b in words[index + 1:]:
            across = min(a[2], b[2]) - max(a[0], b[0])
            down = min(a[3], b[3]) - max(a[1], b[1])
            if across > 1 and down > min(a[3] - a[1], b[3] - b[1]) / 3:
                yield a[4], b[4]
