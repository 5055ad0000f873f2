"""PDF page furniture and the merging of the two years' breakdowns."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop_app.domain.indicators import compute_year_indicators
from desktop_app.domain.model import MeasureType, Territory
from desktop_app.reports import BilanText, write_bilan
from desktop_app.reports.grid_model import build_grid
from desktop_app.reports.layout import load_layout
from desktop_app.reports.pdf import fit_text, register_fonts
from tests.domain.indicators.builders import caseload, example, household, measure
from tests.reports.helpers import pdf_pages

D = date
LONG = ("Association pour l'Accompagnement Social et le Logement des Personnes en Difficulté "
        "du Pas-de-Calais")


def test_a_long_name_is_cut_but_the_year_and_page_stay(tmp_path: Path) -> None:
    cases = example("exemple-2.json")
    cases.association.name = LONG
    out = tmp_path / "bilan.pdf"
    write_bilan(cases, "m1", BilanText(), out)
    for page in pdf_pages(out):
        assert "…" in page  # the name is cut in the header and the footer…
        assert "Bilan final — FSL-2025-0201 — période du 01/10/2025 au 31/03/2026" in page
        assert "Établi le " in page and "Page 1 sur 1" in page  # …never the rest


def test_fit_text() -> None:
    register_fonts()
    assert fit_text("Association", "SuiviSans", 9, 500) == "Association"
    cut = fit_text(LONG, "SuiviSans", 9, 100)
    assert cut.endswith("…") and LONG.startswith(cut[:-1].rstrip())


def test_labels_of_n_minus_1_only_are_sorted_in() -> None:
    # 2025: a household in Calaisis; 2024: one in Arrageois and one without territory.
    now = caseload(measure("a", MeasureType.ASLL, "h1", (D(2025, 1, 1), D(2025, 6, 30))),
                   households=[household("h1", territory=Territory.CALAISIS)])
    before = caseload(measure("b", MeasureType.ASLL, "h2", (D(2024, 1, 1), D(2024, 6, 30))),
                      measure("c", MeasureType.ASLL, "h3", (D(2024, 1, 1), D(2024, 6, 30))),
                      households=[household("h2", territory=Territory.ARRAGEOIS),
                                  household("h3", territory=None)])
    doc = build_grid(load_layout(), compute_year_indicators(now, 2025, today=D(2026, 1, 1)),
                     compute_year_indicators(before, 2024, today=D(2026, 1, 1)), [])
    asll = next(s for s in doc.sheets if s.name == "ASLL")
    rows = [r for b in asll.blocks for r in b.rows]
    start = next(i for i, r in enumerate(rows) if r.label == "Territoire")
    assert [(r.label, r.values) for r in rows[start + 1:start + 11]] == [
        ("Arrageois", [0, 1]), ("Artois", [0, 0]), ("Audomarois", [0, 0]),
        ("Boulonnais", [0, 0]), ("Calaisis", [1, 0]), ("Hénin-Carvin", [0, 0]),
        ("Lens-Liévin", [0, 0]), ("Montreuillois-Ternois", [0, 0]),
        ("Autre territoire", [0, 0]), ("Territoire non renseigné", [0, 1])]


def test_gap_and_evolution_are_written_the_french_way() -> None:
    from decimal import Decimal

    from desktop_app.domain.indicators.change import change
    from desktop_app.reports.labels import format_gap, format_percent

    nbsp, minus = "\u00a0", "\u2212"
    assert (format_gap(change(4, 3)), format_percent(change(4, 3))) == ("+1", f"+33,3{nbsp}%")
    assert (format_gap(change(0, 5)), format_percent(change(0, 5))) == (
        f"{minus}5", f"{minus}100,0{nbsp}%")
    assert (format_gap(change(5, 0)), format_percent(change(5, 0))) == ("+5", "n.s.")
    assert (format_gap(change(3, 3)), format_percent(change(3, 3))) == ("0", f"0,0{nbsp}%")
    assert format_gap(change(Decimal("1031.40"), Decimal("2578.50"))) == \
        f"{minus}1{nbsp}547,10{nbsp}€"
    assert format_gap(change(2.1, 6.0)) == f"{minus}3,9"
    # 33,82 € → 17 478,13 €: (17 478,13 − 33,82) / 33,82 = 515,79… → +51 579,9 %
    assert format_percent(change(Decimal("17478.13"), Decimal("33.82"))) == \
        f"+51{nbsp}579,9{nbsp}%"
    assert (format_gap(None), format_percent(None)) == ("—", "—")
