"""The bilans' text in the store, and the report's sent / signed kept in line with it."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop_app.domain.bilan_text import BilanText
from desktop_app.domain.model import (
    Association,
    Caseload,
    Diploma,
    Household,
    Level,
    Measure,
    MeasureType,
    Period,
    PeriodKind,
    Report,
    ReportKind,
    Worker,
)
from desktop_app.store.audit import history
from desktop_app.store.bilans import UnknownMeasureError
from desktop_app.store.errors import ConflictError, RefusedError
from desktop_app.store.repository import SqlStore

END = date(2025, 12, 31)
FINAL = ReportKind.FINAL
TEXT = BilanText("Mme Durand vit seule avec ses deux enfants.", "Régler la dette de loyer.",
                 "Plan d'apurement signé avec le bailleur.", "Dette soldée en novembre.", "")


def _seed(store: SqlStore, reports: list[Report] | None = None) -> None:
    store.import_caseload(Caseload(
        Association("Association de test"),
        workers=[Worker("w1", "Claire Martin", Diploma.CESF, 1.0)],
        households=[Household("h1", "DURAND Marie", "FSL-2025-0042")],
        measures=[Measure("m1", "h1", MeasureType.ASLL, "w1",
                          periods=[Period(date(2025, 7, 1), END, Level.SIMPLE,
                                          PeriodKind.INITIALE)],
                          reports=reports or [])]))


def _trail(store: SqlStore) -> list[tuple[str, str, dict[str, tuple[object, object]]]]:
    with store.engine.connect() as c:
        return [(e.record_kind, e.action, e.changes) for e in history(c, "h1")]


def test_text_saved_and_read_back_with_the_day_it_was_signed(store: SqlStore) -> None:
    _seed(store, [Report(FINAL, END, None, False)])
    assert store.bilan_text("m1", FINAL, END) is None
    before = datetime.now().replace(microsecond=0)
    store.save_bilan_text("m1", FINAL, END, TEXT, date(2026, 1, 20), date(2026, 1, 15))
    stored = store.bilan_text("m1", FINAL, END)
    assert stored is not None
    assert stored.text == TEXT and stored.signed_on == date(2026, 1, 20)
    assert before <= stored.updated_at <= datetime.now()
    # Another report of the same measure (intermediate, same day) has no text of its own.
    assert store.bilan_text("m1", ReportKind.INTERMEDIAIRE, END) is None


def test_sending_and_signing_the_bilan_updates_the_measures_report(store: SqlStore) -> None:
    _seed(store, [Report(FINAL, END, None, False)])
    store.save_bilan_text("m1", FINAL, END, TEXT, date(2026, 1, 20), date(2026, 1, 15))
    measure = store.measure("m1")
    assert measure is not None
    assert measure.reports == [Report(FINAL, END, date(2026, 1, 15), True)]


def test_clearing_the_signature_given_here_unsigns_but_not_one_given_elsewhere(
        store: SqlStore) -> None:
    _seed(store, [Report(FINAL, END, date(2026, 1, 15), False),
                  Report(ReportKind.INTERMEDIAIRE, date(2025, 9, 30), None, True)])
    store.save_bilan_text("m1", FINAL, END, TEXT, date(2026, 1, 20), date(2026, 1, 15))
    store.save_bilan_text("m1", FINAL, END, TEXT, None, date(2026, 1, 15))
    # Signed through the bilan, then the day cleared: no longer signed.
    # Signed through « Noter un bilan » (no day known): a draft text leaves it signed.
    store.save_bilan_text("m1", ReportKind.INTERMEDIAIRE, date(2025, 9, 30), TEXT, None, None)
    measure = store.measure("m1")
    assert measure is not None
    assert measure.reports == [Report(FINAL, END, date(2026, 1, 15), False),
                               Report(ReportKind.INTERMEDIAIRE, date(2025, 9, 30), None, True)]


def test_a_draft_adds_no_report_but_a_sent_bilan_does(store: SqlStore) -> None:
    _seed(store)
    store.save_bilan_text("m1", FINAL, END, TEXT, None, None)
    measure = store.measure("m1")
    assert measure is not None and measure.reports == []
    store.save_bilan_text("m1", FINAL, END, TEXT, None, date(2026, 2, 1))
    measure = store.measure("m1")
    assert measure is not None and measure.reports == [Report(FINAL, END, date(2026, 2, 1),
                                                              False)]


def test_saving_the_measure_keeps_the_text(store: SqlStore) -> None:
    _seed(store, [Report(FINAL, END, None, False)])
    store.save_bilan_text("m1", FINAL, END, TEXT, None, None)
    measure = store.measure("m1")
    assert measure is not None
    store.save_measure(measure)  # replaces the measure's reports
    stored = store.bilan_text("m1", FINAL, END)
    assert stored is not None and stored.text.actions == TEXT.actions


def test_each_save_is_one_audit_entry_with_what_changed(store: SqlStore) -> None:
    _seed(store, [Report(FINAL, END, None, False)])
    store.save_bilan_text("m1", FINAL, END, TEXT, None, None, profile="w1")
    changed = BilanText(TEXT.situation, TEXT.objectives, TEXT.actions, TEXT.results,
                        "Renouvellement de six mois : la dette n'est pas encore soldée.")
    store.profile = "w2"  # the worker the window is used by, when no profile is given
    store.save_bilan_text("m1", FINAL, END, changed, date(2026, 1, 20), date(2026, 1, 15))
    store.save_bilan_text("m1", FINAL, END, changed, date(2026, 1, 20), date(2026, 1, 15))
    assert [e.profile for e in store.history("h1") if e.record_kind == "bilan"] == ["w1", "w2"]
    trail = [t for t in _trail(store) if t[0] == "bilan"]
    # create (4 non-empty sections), update (renewal, signed, sent); the third save changed
    # nothing and leaves no entry.
    assert [(kind, action) for kind, action, _c in trail] == [("bilan", "create"),
                                                             ("bilan", "update")]
    assert set(trail[0][2]) == {"situation", "objectives", "actions", "results"}
    assert trail[1][2] == {
        "renewal_request": ("", changed.renewal_request),
        "signed_on": (None, "2026-01-20"),
        "sent_on": (None, "2026-01-15"),
    }


def test_unknown_measure_is_refused_in_french_and_nothing_written(store: SqlStore) -> None:
    _seed(store)
    with pytest.raises(UnknownMeasureError, match="n'existe plus dans la base") as refused:
        store.save_bilan_text("m9", FINAL, END, TEXT, None, date(2026, 1, 15))
    assert isinstance(refused.value, RefusedError)  # « Opération impossible », no traceback
    assert store.bilan_text("m9", FINAL, END) is None
    assert [t for t in _trail(store) if t[0] == "bilan"] == []


def test_a_section_over_its_bound_is_refused_in_french_and_nothing_written(
        store: SqlStore) -> None:
    _seed(store)
    text = BilanText("a" * 20_000, actions="b" * 20_001, results="soldée\x00")
    with pytest.raises(RefusedError) as refused:
        store.save_bilan_text("m1", FINAL, END, text, None, None)
    # 20 000 characters are accepted (the situation); one more is not.
    assert str(refused.value) == (
        "Section « Actions menées » : texte trop long : 20\u00a0001 caractères pour au plus "
        "20\u00a0000 : raccourcissez-le ; section « Résultats obtenus » : le texte contient "
        "un caractère nul (\\u0000), interdit : retirez-le (il vient d'une copie depuis un "
        "fichier qui n'est pas du texte).")
    assert store.bilan_text("m1", FINAL, END) is None
    text.actions, text.results = "b" * 20_000, "soldée"
    store.save_bilan_text("m1", FINAL, END, text, None, None)
    saved = store.bilan_text("m1", FINAL, END)
    assert saved is not None and saved.text == text


def test_a_bilan_changed_since_it_was_read_is_refused_and_kept(store: SqlStore) -> None:
    _seed(store)
    # Window A opens the bilan (none yet); window B writes one meanwhile.
    store.save_bilan_text("m1", FINAL, END, BilanText(situation="Texte de B."), None, None,
                          expected=None)
    with pytest.raises(ConflictError, match="modifié ailleurs"):
        store.save_bilan_text("m1", FINAL, END, TEXT, None, None, expected=None)
    read = store.bilan_text("m1", FINAL, END)
    assert read is not None and read.text.situation == "Texte de B."
    # Read again, A's save goes through; a stale copy (B's first text) is refused again.
    store.save_bilan_text("m1", FINAL, END, TEXT, date(2026, 1, 20), date(2026, 1, 15),
                          expected=read)
    with pytest.raises(ConflictError):
        store.save_bilan_text("m1", FINAL, END, BilanText(), None, None, expected=read)
    final = store.bilan_text("m1", FINAL, END)
    assert final is not None and (final.text, final.signed_on) == (TEXT, date(2026, 1, 20))
    # Two entries in the trail (B's creation, A's update): the refusals wrote nothing.
    assert [e.action for e in store.history("h1") if e.record_kind == "bilan"] == [
        "create", "update"]
