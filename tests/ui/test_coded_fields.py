"""The closing reason and the territory are chosen in their lists; « autre »
asks for its text."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.model import (
    AsllContent,
    ExitReason,
    Household,
    Measure,
    MeasureType,
    Period,
    Territory,
)
from desktop_app.ui.forms import Form, FormDialog
from desktop_app.ui.household.form import (
    add_household_fields,
    apply_household_values,
    household_values,
)
from desktop_app.ui.measure.dialogs import close_dialog
from desktop_app.ui.measure.general import apply_general, build_general_form, general_values
from desktop_app.ui.measure.new_measure import new_measure_dialog
from tests.ui.helpers import type_in


def _aml() -> Measure:
    return Measure("m1", "h1", MeasureType.AML, "w1",
                   periods=[Period(date(2025, 1, 1), date(2025, 9, 30))])


def test_closing_offers_the_list_of_the_type_and_asks_the_text_of_autre(qtbot) -> None:  # type: ignore[no-untyped-def]
    measure = _aml()
    saved: list[Measure] = []

    def save(change, dialog: FormDialog) -> None:  # type: ignore[no-untyped-def]
        change(measure)
        saved.append(measure)

    dialog = close_dialog(None, measure, date(2025, 9, 30), save)
    qtbot.addWidget(dialog)
    fields = dialog.form.fields
    combo = fields["reason"]
    # the AML list, French labels, no empty entry (a reason is required)
    assert [combo.itemText(i) for i in range(combo.count())][:2] == [
        "Bail glissé au ménage", "Relogement dans le parc social"]
    assert combo.itemText(combo.count() - 1) == "Autre motif"
    combo.set_value(ExitReason.AUTRE)
    dialog.submit()
    assert saved == []
    assert dialog.form.error("detail").startswith("Précisez « Précision »")
    type_in(qtbot, fields["detail"], "Départ à l'étranger")
    dialog.submit()
    assert saved == [measure]
    assert (measure.closed_on, measure.exit_reason, measure.close_reason) == (
        date(2025, 9, 30), ExitReason.AUTRE, "Départ à l'étranger")


def test_a_listed_reason_needs_no_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    measure = _aml()
    dialog = close_dialog(None, measure, date(2025, 9, 30), lambda change, _d: change(measure))
    qtbot.addWidget(dialog)
    dialog.form.fields["reason"].set_value(ExitReason.BAIL_GLISSE)
    dialog.submit()
    assert (measure.exit_reason, measure.close_reason) == (ExitReason.BAIL_GLISSE, None)


def test_household_territory_is_a_choice(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = Form()
    qtbot.addWidget(form)
    add_household_fields(form)
    household = Household("h1", "DURAND Marie", territory=Territory.AUTRE,
                          territory_other="Lensois")
    form.set_values(household_values(household))
    combo = form.fields["territory"]
    assert combo.itemText(0) == "— non renseigné —" and combo.itemText(1) == "Arrageois"
    assert combo.value() is Territory.AUTRE and form.fields["territory_other"].text() == "Lensois"
    form.fields["territory_other"].clear()
    assert form.read() is None  # « autre » without its text
    combo.set_value(Territory.HENIN_CARVIN)
    values = form.read()
    assert values is not None
    again = apply_household_values(household, values)
    assert (again.territory, again.territory_other) == (Territory.HENIN_CARVIN, None)


def test_new_asll_records_access_or_keeping(qtbot) -> None:  # type: ignore[no-untyped-def]
    made: list[Measure] = []
    dialog = new_measure_dialog(None, "h1", [("Claire Martin", "w1")], "w1",
                                lambda measure, _dialog: made.append(measure))
    qtbot.addWidget(dialog)
    fields = dialog.form.fields
    content = fields["asll_content"]
    assert [content.itemText(i) for i in range(content.count())] == [
        "—", "Accompagnement à l'accès au logement",
        "Accompagnement au maintien dans le logement"]
    fields["type"].set_value(MeasureType.ASLL)
    fields["start"].set_value(date(2025, 7, 1))
    fields["end"].set_value(date(2025, 12, 31))
    content.set_value(AsllContent.ACCES)
    dialog.submit()
    assert [m.asll_content for m in made] == [AsllContent.ACCES]


def test_asll_content_in_the_follow_up_form(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = Form()
    qtbot.addWidget(form)
    build_general_form(form, MeasureType.ASLL, [("Claire Martin", "w1")])
    measure = Measure("m1", "h1", MeasureType.ASLL, "w1", asll_content=AsllContent.MAINTIEN)
    form.set_values(general_values(measure))
    assert form.fields["asll_content"].value() is AsllContent.MAINTIEN
    form.fields["asll_content"].set_value(AsllContent.ACCES)
    values = form.read()
    assert values is not None
    assert apply_general(measure, values).asll_content is AsllContent.ACCES
