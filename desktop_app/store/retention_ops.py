"""The GDPR keeping rules in the store, each inside the caller's transaction: the
households due for the archive, archiving, anonymising and deleting them.

The rules themselves are in `desktop_app.domain.retention` (CNIL délibération 2023-095: 2
years in the active base after the last measure; convention's annex: kept until
31/12/2034); here they are applied to the tables, and each change is recorded in the audit
trail (`audit.record`). Anonymising or deleting also empties the household's audit entries
of their values (old names and addresses) and its bilans' texts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Connection, delete, func, insert, select, update

from desktop_app.domain.fr import format_date
from desktop_app.domain.model import Measure
from desktop_app.domain.retention import (
    RetentionSettings,
    anonymised,
    due_for_archive,
    end_of,
    last_end,
    past_keeping_date,
)
from desktop_app.store import audit, fetch, rows, writers
from desktop_app.store.errors import RefusedError
from desktop_app.store.records import RetentionRow

if TYPE_CHECKING:
    from desktop_app.domain.indicators.profile import ProfileBrackets
from desktop_app.store.retention_forget import forget_history
from desktop_app.store.row_reading import among, select_in
from desktop_app.store.tables import (
    ARCHIVE,
    BILAN_TEXTS,
    HOUSEHOLDS,
    MEASURES,
    VISITS,
)

H, M, A = HOUSEHOLDS.c, MEASURES.c, ARCHIVE.c


def ends_by_household(connection: Connection) -> dict[str, list[date | None]]:
    """Each household's measures' ends (`retention.end_of`), from the denormalized span,
    the closing date, the one-off date and the last visit (one query)."""
    last_visit = (select(VISITS.c.measure_id, func.max(VISITS.c.day).label("day"))
                  .group_by(VISITS.c.measure_id).subquery())
    query = select(M.household_id, M.span_end, M.closed_on, M.one_off_on,
                   last_visit.c.day).outerjoin(last_visit, last_visit.c.measure_id == M.id)
    ends: dict[str, list[date | None]] = defaultdict(list)
    for household, span_end, closed_on, one_off_on, visit in connection.execute(query):
        day = date.fromisoformat(visit) if isinstance(visit, str) else visit
        ends[household].append(end_of(span_end, closed_on, one_off_on, day))
    return ends


def candidates(connection: Connection, on: date,
               settings: RetentionSettings) -> list[RetentionRow]:
    """Households not archived whose last measure ended more than N years before `on`."""
    ends = ends_by_household(connection)
    archived = set(connection.execute(select(A.household_id)).scalars())
    due = [h for h, found in ends.items()
           if h not in archived and due_for_archive(found, on, settings)]
    rows = select_in(connection, select(H.id, H.name, H.reference), H.id, due)
    return sorted((RetentionRow(i, name, ref, last_end(ends[i])) for i, name, ref in rows),
                  key=lambda r: (r.last_end or date.min, r.name.casefold(), r.household_id))


def archived(connection: Connection) -> list[RetentionRow]:
    """Households in the archive, anonymised or not, by archiving day then name."""
    ends = ends_by_household(connection)
    query = select(H.id, H.name, H.reference, A.archived_on, A.anonymised_on).join_from(
        ARCHIVE, HOUSEHOLDS, H.id == A.household_id)
    return sorted((RetentionRow(i, name, ref, last_end(ends.get(i, [])), on, anonymised_on)
                   for i, name, ref, on, anonymised_on in connection.execute(query)),
                  key=lambda r: (r.archived_on or date.min, r.name.casefold(), r.household_id))


def archived_on(connection: Connection, household_id: str) -> date | None:
    found = connection.execute(select(A.archived_on).where(A.household_id == household_id))
    return found.scalar()


def archive(connection: Connection, ids: Iterable[str], on: date,
            settings: RetentionSettings, profile: str) -> None:
    ids = list(dict.fromkeys(ids))  # a household selected twice counts once
    due = {row.household_id for row in candidates(connection, on, settings)}
    already = set(connection.execute(select(A.household_id).where(
        among(connection, A.household_id, ids))).scalars())
    for household_id in ids:
        if household_id in already:
            raise RefusedError(f"Le ménage {_name(connection, household_id)} est déjà archivé : "
                             "rien n'a été archivé. Retirez-le de la sélection.")
        if household_id not in due:
            raise RefusedError(
                f"Le ménage {_name(connection, household_id)} ne peut pas être archivé le "
                f"{format_date(on)} : une mesure est en cours ou à venir, ou la dernière a "
                f"pris fin il y a moins de {settings.active_years} ans. Rien n'a été archivé.")
    if ids:
        connection.execute(insert(ARCHIVE), [{"household_id": h, "archived_on": on}
                                             for h in ids])
    for household_id in ids:
        audit.record(connection, profile=profile, record_kind="household",
                     record_id=household_id, household_id=household_id, action="archive",
                     changes={"archived_on": (None, on.isoformat())})


def _checked(connection: Connection, household_id: str, on: date,
             settings: RetentionSettings, what: str) -> None:
    """Refuse to anonymise or delete before the keeping date, or a file not archived."""
    if not past_keeping_date(on, settings):
        first = date.fromordinal(settings.keep_until.toordinal() + 1)
        raise RefusedError(
            f"Le dossier du ménage {_name(connection, household_id)} doit être conservé "
            f"jusqu'au {format_date(settings.keep_until)} (annexe de la convention) : il ne "
            f"pourra être {what} qu'à partir du {format_date(first)}. Rien n'a été modifié.")
    if archived_on(connection, household_id) is None:
        raise RefusedError(f"Le ménage {_name(connection, household_id)} n'est pas archivé : "
                         f"archivez-le d'abord, après revue, avant qu'il soit {what}.")


def anonymise(connection: Connection, ids: Iterable[str], on: date,
              settings: RetentionSettings, brackets: ProfileBrackets, profile: str) -> None:
    ids = list(dict.fromkeys(ids))  # a household selected twice counts once
    for household_id in ids:
        _checked(connection, household_id, on, settings, "anonymisé")
    measure_ids = _measure_ids(connection, ids)
    measures: dict[str, list[Measure]] = defaultdict(list)
    for measure in fetch.measures(connection, measure_ids, measure_ids):
        measures[measure.household].append(measure)
    for household in fetch.households(connection, ids):
        new_household, new_measures = anonymised(household, measures[household.id], brackets)
        writers.save_household(connection, new_household)
        for old, new in zip(measures[household.id], new_measures, strict=True):
            _save_changed(connection, old, new)
    connection.execute(delete(BILAN_TEXTS).where(
        among(connection, BILAN_TEXTS.c.measure_id, measure_ids)))
    forget_history(connection, ids, measure_ids, purge=False)
    connection.execute(update(ARCHIVE).where(among(connection, A.household_id, ids))
                       .values(anonymised_on=on))
    for household_id in ids:
        audit.record(connection, profile=profile, record_kind="household",
                     record_id=household_id, household_id=household_id, action="anonymise")


def _save_changed(connection: Connection, old: Measure, new: Measure) -> None:
    """Write only what the anonymisation changed of a measure (its closing reason)."""
    before, after = rows.measure_row(old), rows.measure_row(new)
    changed = {k: v for k, v in after.items() if before.get(k) != v}
    if changed:
        connection.execute(update(MEASURES).where(M.id == new.id).values(changed))
    if rows.measure_children(old) != rows.measure_children(new):
        writers.save_measure(connection, new)


def delete_households(connection: Connection, ids: Iterable[str], on: date,
                      settings: RetentionSettings, profile: str) -> None:
    ids = list(dict.fromkeys(ids))  # a household selected twice counts once
    for household_id in ids:
        _checked(connection, household_id, on, settings, "supprimé")
    measure_ids = _measure_ids(connection, ids)
    # Children of the measures (and their bilan texts), members and archive rows cascade.
    connection.execute(delete(MEASURES).where(among(connection, M.id, measure_ids)))
    connection.execute(delete(HOUSEHOLDS).where(among(connection, H.id, ids)))
    forget_history(connection, ids, measure_ids, purge=True)
    for household_id in ids:
        audit.record(connection, profile=profile, record_kind="household",
                     record_id=household_id, household_id=household_id, action="delete")


def _measure_ids(connection: Connection, households: list[str]) -> list[str]:
    return list(connection.execute(select(M.id).where(
        among(connection, M.household_id, households))).scalars())


def _name(connection: Connection, household_id: str) -> str:
    name = connection.execute(select(H.name).where(H.id == household_id)).scalar()
    if name is None:
        raise RefusedError(f"Le ménage {household_id} n'existe pas dans la base : actualisez "
                         "la liste (un autre poste l'a peut-être supprimé).")
    return f"« {name} »"
