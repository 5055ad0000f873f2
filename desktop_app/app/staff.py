"""The staff table of a year (convention article 5-2), as the command line `staff` and the
« Salariés » tab of the « Rapports » screen both read it: one read of the store, the figures
of `domain.indicators.staff`. No Qt here."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.indicators.staff import StaffTable, staff_table

if TYPE_CHECKING:
    from desktop_app.store.api import Store


class YearNotStartedError(ValueError):
    """A table asked for a year after today's (French)."""


def check_year_started(year: int, today: date) -> None:
    """Refuse in French (`YearNotStartedError`) a year after today's."""
    if year > today.year:
        raise YearNotStartedError(
            f"L'année {year} n'a pas commencé : le tableau des salariés porte sur une année "
            f"commencée ({today.year} au plus tard).")


def staff_of_year(store: Store, year: int, today: date) -> StaffTable:
    """The staff table of `year` (counted up to `today` within it); a year after today's is
    refused in French (`check_year_started`) before the store is read."""
    check_year_started(year, today)
    return staff_table(store.load_for_year(year), year, today)


def staff_export(store: Store, year: int, folder: Path, today: date,
                 table: StaffTable | None = None) -> list[Path]:
    """Write `tableau-salaries-AAAA.pdf` and `.xlsx` in `folder` (made, private, if
    missing): the previewed `table` if it is that year's, else computed now. The paths."""
    from desktop_app.private_files import private_folder
    from desktop_app.reports.staff_table import write_staff_table

    if table is None or table.year != year:
        table = staff_of_year(store, year, today)
    private_folder(folder)
    return write_staff_table(table, folder, today)
