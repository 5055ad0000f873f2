"""AML « échec de la mesure » through the real measure screen: amounts
above the caps refused in French, a claim within them saved with the audit trail."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop_app.domain.model import ClaimDecision, Household, Measure, MeasureType, Period
from desktop_app.ui.models import ROW_ROLE
from tests.ui.conftest import settle
from tests.ui.helpers import save, type_in


def _closed_aml_open(window, qtbot, store):  # type: ignore[no-untyped-def]
    """DURAND Marie's AML (agreement 01/10/2024, 01/12/2024 to 31/08/2025, closed on
    31/08/2025) shown on the « Mesure » screen: the screen."""
    store.save_household(Household("h1", "DURAND Marie", "FSL-2025-0042"))
    store.save_measure(Measure("m1", "h1", MeasureType.AML, "w1",
                               periods=[Period(date(2024, 12, 1), date(2025, 8, 31))],
                               agreement_on=date(2024, 10, 1), closed_on=date(2025, 8, 31)))
    window.ctx.open_measure.emit("m1")
    settle(qtbot, window)
    return window.screens["mesure"]


def test_claim_within_the_caps_is_saved_and_audited(window, qtbot, store):  # type: ignore[no-untyped-def]
    screen = _closed_aml_open(window, qtbot, store)
    assert screen.tabs.isTabVisible(6)
    screen.tabs.requested.emit("claim")
    dialog = screen.dialog
    fields = dialog.form.fields
    assert fields["departure_on"].text() == "31/08/2025"  # the closing day, proposed
    type_in(qtbot, fields["unpaid_rent"], "1800")
    type_in(qtbot, fields["damage"], "700,01")  # 1 cent over 2 500 € together
    type_in(qtbot, fields["eviction"], "2000")
    fields["invoices"].setPlainText("Facture 12 serrurerie\n\nDécompte du bailleur\n")
    save(qtbot, window, dialog)
    assert dialog.form.error("damage").startswith(
        "Impayés de loyer et dégradations : 2\u00a0500,01\u00a0€ demandés")
    assert store.measure("m1").failure_claim is None
    type_in(qtbot, fields["damage"], "700")  # exactly at the cap
    type_in(qtbot, fields["sent_on"], "15/09/2025")
    save(qtbot, window, dialog)
    claim = store.measure("m1").failure_claim
    assert claim is not None
    assert (claim.departure_on, claim.unpaid_rent, claim.damage, claim.eviction,
            claim.invoices, claim.sent_on, claim.decision) == (
        date(2025, 8, 31), Decimal("1800.00"), Decimal("700.00"), Decimal("2000.00"),
        ["Facture 12 serrurerie", "Décompte du bailleur"], date(2025, 9, 15), None)
    row = screen.tabs.claims.index(0, 0).data(ROW_ROLE)
    assert row == claim
    assert screen.tabs.claims.index(0, 2).data() == "30/09/2025"  # a month after departure
    last = store.history("h1")[-1]
    assert (last.record_id, last.action) == ("m1", "update")
    assert any(key.startswith("failure_claim") for key in last.changes)

    # the decision, later: the same form, the claim read back
    screen.tabs.requested.emit("claim")
    again = screen.dialog
    assert again.form.fields["invoices"].toPlainText() == (
        "Facture 12 serrurerie\nDécompte du bailleur")
    again.form.fields["decision"].set_value(ClaimDecision.PARTIELLE)
    type_in(qtbot, again.form.fields["granted"], "3000")
    save(qtbot, window, again)
    claim = store.measure("m1").failure_claim
    assert claim is not None
    assert (claim.decision, claim.granted) == (ClaimDecision.PARTIELLE, Decimal("3000.00"))


def test_an_invoice_line_is_bounded_as_in_the_file(window, qtbot, store):  # type: ignore[no-untyped-def]
    # One invoice per line, each at most 1 000 characters (`limits.text_limit("invoices")`),
    # as the interchange file bounds each item of `invoices`: refused, never cut.
    screen = _closed_aml_open(window, qtbot, store)
    screen.tabs.requested.emit("claim")
    dialog = screen.dialog
    dialog.form.fields["invoices"].setPlainText("Facture 12\n" + "F" * 1_001)
    save(qtbot, window, dialog)
    assert dialog.form.error("invoices") == (
        "Ligne 2 : texte trop long : 1\u00a0001 caractères pour au plus 1\u00a0000 : "
        "raccourcissez-le.")
    assert store.measure("m1").failure_claim is None
    dialog.form.fields["invoices"].setPlainText("Facture 12\n" + "F" * 1_000)
    save(qtbot, window, dialog)
    claim = store.measure("m1").failure_claim
    assert claim is not None and claim.invoices == ["Facture 12", "F" * 1_000]
