"""The GDPR keeping rules in the store: candidates, read-only archive,
anonymisation that leaves no personal value in the file and every past grid identical,
deletion refused before the keeping date (31/12/2034)."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import event, select

from desktop_app.demo import generate_caseload
from desktop_app.domain.bilan_text import BilanText
from desktop_app.domain.indicators import compute_year_indicators
from desktop_app.domain.model import (
    Caseload,
    Diploma,
    Household,
    Measure,
    MeasureType,
    Member,
    MemberRole,
    Period,
    ReportKind,
    Territory,
    Worker,
)
from desktop_app.domain.retention import RetentionSettings, due_for_archive, measure_end
from desktop_app.interchange.serialize import caseload_to_json
from desktop_app.store.errors import RefusedError
from desktop_app.store.repository import SqlStore
from desktop_app.store.tables import AUDIT, BATCHES

#: Day of the demo caseload; its grids of 2023 and 2024 are past years.
TODAY = date(2025, 6, 30)
#: A day past the convention's keeping date (31/12/2034).
AFTER_KEEPING = date(2035, 1, 2)
RULES = RetentionSettings()


def seed(store: SqlStore) -> None:
    """DURAND Marie, ASLL 01/06/2024–30/11/2024; LEROY Paul, AML in force until 2026."""
    store.save_worker(Worker("w1", "Claire Martin", Diploma.CESF, 1.0))
    store.save_household(Household(
        "h1", "DURAND Marie", "FSL-2024-00042", "12 rue des Lilas", "62000", "Arras",
        Territory.ARRAGEOIS, "06 39 98 12 34", Decimal("812.40"),
        [Member("Marie Durand", MemberRole.DEMANDEUR, date(1990, 3, 15))]))
    store.save_measure(Measure("m1", "h1", MeasureType.ASLL, "w1",
                               periods=[Period(date(2024, 6, 1), date(2024, 11, 30))],
                               closed_on=date(2024, 11, 30),
                               close_reason="Relogement de Mme Durand à Arras"))
    store.save_household(Household("h2", "LEROY Paul", territory=Territory.LENS_LIEVIN))
    store.save_measure(Measure("m2", "h2", MeasureType.AML, "w1",
                               periods=[Period(date(2024, 1, 1), date(2026, 12, 31))]))


def test_settings_from_the_migration_and_saved(store: SqlStore) -> None:
    assert store.retention_settings() == RetentionSettings(2, date(2034, 12, 31))
    store.save_retention_settings(RetentionSettings(3, date(2035, 6, 30)))
    assert store.retention_settings() == RetentionSettings(3, date(2035, 6, 30))
    with pytest.raises(RefusedError, match="au moins 1 an"):
        store.save_retention_settings(RetentionSettings(0, date(2035, 6, 30)))


def test_candidates_more_than_two_years_after_the_last_end(store: SqlStore) -> None:
    seed(store)
    # m1 ended 30/11/2024: + 2 years = 30/11/2026, a candidate from 01/12/2026 only; h2's
    # AML is in force until 31/12/2026: never a candidate while it runs.
    assert store.retention_candidates(date(2026, 11, 30)) == []
    (row,) = store.retention_candidates(date(2026, 12, 1))
    assert (row.household_id, row.name, row.reference, row.last_end) == (
        "h1", "DURAND Marie", "FSL-2024-00042", date(2024, 11, 30))


@pytest.mark.parametrize("day", [date(2026, 6, 30), date(2027, 3, 1), date(2027, 12, 31)])
def test_candidates_are_those_of_the_domain_rule(store: SqlStore, day: date) -> None:
    # The store reads the measures' ends from its denormalized columns and one aggregate of
    # the visits; the domain from the measures themselves: the same households.
    store.import_caseload(generate_caseload(households=150, years=3, seed=4, today=TODAY))
    whole = store.export_caseload()
    ends: dict[str, list[date | None]] = {h.id: [] for h in whole.households}
    for measure in whole.measures:
        ends[measure.household].append(measure_end(measure))
    expected = {h for h, found in ends.items() if due_for_archive(found, day, RULES)}
    found = {r.household_id for r in store.retention_candidates(day)}
    assert found == expected and 0 < len(found) < 150


def test_archived_file_is_read_only(store: SqlStore) -> None:
    seed(store)
    with pytest.raises(RefusedError, match="ne peut pas être archivé le 01/12/2026"):
        store.archive_households(["h1", "h2"], date(2026, 12, 1))  # h2 in force: nothing
    assert not store.is_archived("h1")
    store.archive_households(["h1"], date(2026, 12, 1))
    assert store.archived_on("h1") == date(2026, 12, 1)
    assert store.retention_candidates(date(2026, 12, 2)) == []
    (row,) = store.archived_households()
    assert (row.household_id, row.archived_on, row.anonymised_on) == (
        "h1", date(2026, 12, 1), None)
    household = store.household("h1")
    assert household is not None
    household.phone = "06 39 98 00 00"
    with pytest.raises(RefusedError, match=r"Ce dossier est archivé \(lecture seule\) depuis "
                                         r"le 01/12/2026"):
        store.save_household(household)
    measure = store.measure("m1")
    assert measure is not None
    measure.close_reason = "Autre"
    with pytest.raises(RefusedError, match="Ce dossier est archivé"):
        store.save_measure(measure)
    with pytest.raises(RefusedError, match="Ce dossier est archivé"):
        store.save_measure(Measure("m9", "h1", MeasureType.DSF, "w1"))
    with pytest.raises(RefusedError, match="Ce dossier est archivé"):  # its bilans too
        store.save_bilan_text("m1", ReportKind.FINAL, date(2024, 5, 31),
                              BilanText(situation="ajout"), None, None)
    assert store.measure("m1") == store.measures_of_household("h1")[0]
    assert [e.action for e in store.history("h1")][-1] == "archive"


def test_anonymise_and_delete_refused_before_the_keeping_date(store: SqlStore) -> None:
    seed(store)
    with pytest.raises(RefusedError, match="n'est pas archivé"):
        store.anonymise_households(["h1"], AFTER_KEEPING)
    store.archive_households(["h1"], date(2026, 12, 1))
    for act in (store.anonymise_households, store.delete_households):
        with pytest.raises(RefusedError, match=r"conservé jusqu.au 31/12/2034 .* qu.à partir du "
                                             r"01/01/2035"):
            act(["h1"], date(2034, 12, 31))
    assert store.household("h1") is not None and store.household("h1").name == "DURAND Marie"


def test_delete_after_the_keeping_date(store: SqlStore) -> None:
    seed(store)
    store.archive_households(["h1"], date(2026, 12, 1))
    store.delete_households(["h1"], date(2035, 1, 1))
    assert store.household("h1") is None and store.measure("m1") is None
    assert store.archived_households() == []
    # The trail keeps only that the file was deleted, nothing of what it held.
    assert [(e.action, e.changes) for e in store.history("h1")] == [("delete", {})]


def test_anonymise_forgets_the_trail_values_and_a_household_file_name(store: SqlStore) -> None:
    seed(store)
    # A household file merged alone, named after the household; then a change of address.
    store.import_caseload(Caseload(store.association(), households=[Household(
        "h3", "MARTIN Lucie", address="3 place Foch", members=[
            Member("Lucie Martin", MemberRole.DEMANDEUR, date(1980, 5, 20))])], measures=[
        Measure("m3", "h3", MeasureType.ASLL, "w1",
                periods=[Period(date(2023, 1, 1), date(2023, 12, 31))])]),
        source="MARTIN Lucie.json")
    moved = store.household("h3")
    assert moved is not None
    moved.address = "8 rue Jean Jaurès"
    store.save_household(moved)
    store.archive_households(["h3"], date(2026, 1, 1))  # ended 31/12/2023, due 01/01/2026
    store.anonymise_households(["h3"], AFTER_KEEPING)
    with store.engine.connect() as c:
        trail = json.dumps([list(r) for r in c.execute(select(AUDIT)).all()],
                           ensure_ascii=False, default=str)
        sources = [r[0] for r in c.execute(select(BATCHES.c.source)).all()]
    for value in ("MARTIN", "Lucie", "3 place Foch", "Jean Jaurès", "1980-05-20"):
        assert value not in trail, value
    assert "" in sources and not any("MARTIN" in s for s in sources)
    # Which fields changed, when, stays: the address change, its values blanked.
    entries = [e for e in store.history("h3") if e.action == "update"]
    assert [e.changes for e in entries] == [{"address": (None, None)}]
    assert [e.action for e in store.history("h3")][-2:] == ["archive", "anonymise"]


def _word_in(value: str, text: str) -> bool:
    """`value` in `text` as a whole (no letter or digit right before or after it)."""
    return value in text and re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text) is not None


def _personal(household: Household) -> set[str]:
    values = {household.name, household.reference, household.address, household.phone}
    values |= {m.name for m in household.members}
    return {v for v in values if v}


def test_anonymised_store_holds_nothing_personal_and_the_same_grids(
        store: SqlStore, store_path: Path) -> None:
    sqlite = store.engine.dialect.name == "sqlite"
    if sqlite:
        # SQLCipher's default (Debian's sqlite3 overwrites deleted content already): the
        # store must ask for it when anonymising.
        store.engine.dispose()
        event.listen(store.engine, "connect",
                     lambda dbapi, _record: dbapi.execute("PRAGMA secure_delete=OFF"))
    store.import_caseload(generate_caseload(households=250, years=3, seed=5, today=TODAY))
    before = {y: compute_year_indicators(store.load_for_year(y), y, today=TODAY)
              for y in (2023, 2024)}
    old = {h.id: h for h in store.export_caseload().households}
    ids = [row.household_id for row in store.retention_candidates(AFTER_KEEPING)]
    assert len(ids) > 200  # by 2035 nearly every demo household's last measure has ended
    store.archive_households(ids, AFTER_KEEPING)
    store.anonymise_households(ids, AFTER_KEEPING)

    after = {y: compute_year_indicators(store.load_for_year(y), y, today=TODAY)
             for y in (2023, 2024)}
    assert after == before  # every figure of both grids, field by field
    assert before[2024].households > 100

    kept = {v for hid, h in old.items() if hid not in ids for v in _personal(h)}
    # An ALT home's address is the association's, kept (the grid counts days per home):
    # a household living in one may have it as its address.
    homes = " | ".join(h.address for h in store.homes())
    gone = {v for hid in ids for v in _personal(old[hid]) if v not in homes} - kept
    exported = json.dumps(caseload_to_json(store.export_caseload()), ensure_ascii=False)
    with store.engine.connect() as c:
        trail = json.dumps([list(r) for r in c.execute(select(AUDIT)).all()],
                           ensure_ascii=False, default=str)
    # The file's bytes; a server's pages are its owner's concern (not checked here).
    raw = (b"".join(p.read_bytes() for p in store_path.parent.glob(store_path.name + "*"))
           if sqlite else b"")
    # In the file, a text is stored right after other bytes (no word boundary): a value is
    # looked for as is, unless it is part of a text that stays (« 9 cité du 6 » of a kept
    # household's « 19 cité du 6 »).
    staying = [*kept, homes, *(w.name for w in store.workers())]
    for value in gone:  # JSON: whole words
        assert not _word_in(value, exported) and not _word_in(value, trail), value
        if not any(value in text for text in staying):
            assert value.encode() not in raw, value
    exported_households = {h.id: h for h in store.export_caseload().households}
    for hid in ids:
        new = exported_households[hid]
        assert new.name == f"Ménage anonymisé {hid}"
        assert (new.address, new.postcode, new.city, new.phone, new.reference) == (None,) * 5
        births = [(m.birth_date, o.birth_date) for m, o in zip(new.members, old[hid].members,
                                                                strict=True)]
        # The applicant's birth date is a 1st of a month (a round date of its interval), never
        # the real one unless that was round already; the others' are gone.
        assert births[0][0] is None or births[0][0].day == 1 or births[0][0] != births[0][1]
        assert all(b is None for b, _o in births[1:])
    assert {r.anonymised_on for r in store.archived_households()} == {AFTER_KEEPING}


def _h1_file_with(store: SqlStore, measure: Measure) -> Caseload:
    """h1's household file (as a colleague would send it) holding one more measure."""
    file = store.export_household("h1")
    file.measures.append(measure)
    return file


def test_a_merge_cannot_add_a_measure_to_an_archived_file(store: SqlStore) -> None:
    seed(store)
    store.archive_households(["h1"], date(2026, 12, 1))
    batches = store.import_batches()
    # h1 and w1 are identical here (skipped); m7 is new but h1 is read-only: refused whole.
    with pytest.raises(RefusedError, match=r"Ce dossier est archivé \(lecture seule\) depuis "
                                           r"le 01/12/2026"):
        store.merge_caseload(_h1_file_with(store, Measure("m7", "h1", MeasureType.DSF, "w1")),
                             "h1.json")
    assert [m.id for m in store.measures_of_household("h1")] == ["m1"]
    assert store.import_batches() == batches  # no merge batch recorded


def test_a_merged_measure_of_a_file_archived_since_cannot_be_undone(store: SqlStore) -> None:
    seed(store)
    # m7: ASLL 01/01/2024–31/03/2024, merged while h1 is active; m1 ends 30/11/2024, so h1
    # is due on 01/12/2026 (2 years after its last end), then archived with m7 in it.
    m7 = Measure("m7", "h1", MeasureType.ASLL, "w1",
                 periods=[Period(date(2024, 1, 1), date(2024, 3, 31))],
                 closed_on=date(2024, 3, 31), close_reason="Fin")
    report = store.merge_caseload(_h1_file_with(store, m7), "h1.json")
    assert report.added["measure"] == ["m7"] and report.batch_id is not None
    store.archive_households(["h1"], date(2026, 12, 1))
    (merged, *_) = store.import_batches()
    assert (merged.undoable, merged.reason) == (False, "ménage h1 archivé depuis")
    with pytest.raises(RefusedError, match="ménage h1 archivé depuis"):
        store.undo_import(report.batch_id)
    assert [m.id for m in store.measures_of_household("h1")] == ["m7", "m1"]


def test_a_measure_cannot_be_moved_out_of_an_archived_file(store: SqlStore) -> None:
    seed(store)
    store.archive_households(["h1"], date(2026, 12, 1))
    measure = store.measure("m1")
    assert measure is not None
    measure.household = "h2"  # h2 is active, but m1 belongs to the archived h1
    with pytest.raises(RefusedError, match="Ce dossier est archivé"):
        store.save_measure(measure)
    assert [m.id for m in store.measures_of_household("h1")] == ["m1"]
    assert [m.id for m in store.measures_of_household("h2")] == ["m2"]


def test_a_household_selected_twice_is_archived_and_anonymised_once(store: SqlStore) -> None:
    seed(store)
    store.archive_households(["h1", "h1"], date(2026, 12, 1))  # was a primary-key traceback
    store.anonymise_households(["h1", "h1"], AFTER_KEEPING)
    assert [(r.household_id, r.archived_on, r.anonymised_on)
            for r in store.archived_households()] == [("h1", date(2026, 12, 1), AFTER_KEEPING)]
    actions = [e.action for e in store.history("h1")]
    assert (actions.count("archive"), actions.count("anonymise")) == (1, 1)
