"""The staff table of a year (convention article 5-2, « tableau relatif aux missions exercées
par les salariés »), written as PDF and XLSX side by side: `tableau-salaries-AAAA.pdf` and
`.xlsx`. The figures are `staff_table`'s (domain), unchanged; this module only words them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from desktop_app.domain.fr import format_date
from desktop_app.domain.indicators.staff import STAFF_TYPES, StaffAbsence, StaffLine, StaffTable
from desktop_app.domain.labels import DIPLOMAS
from desktop_app.reports.common import Cell
from desktop_app.reports.document_status import PROVISIONAL, DocumentStatus
from desktop_app.reports.labels import TYPE_SHORT

#: In the page header (short); the title says it whole.
DOCUMENT = "Tableau des missions des salariés"
TITLE = "Tableau relatif aux missions exercées par les salariés"
HEAD = ["Salarié(e)", "Diplôme", "ETP", *(TYPE_SHORT[t] for t in STAFF_TYPES),
        "Mois travaillés", "Points", "Points par ETP et par mois",
        "Absences de plus de 21 jours ouvrés et remplacement"]
#: Where the absences are, in `HEAD`.
ABSENCES_COLUMN = len(HEAD) - 1
NOT_REPLACED = "non remplacé(e)"


def file_names(year: int) -> tuple[str, str]:
    """The PDF's and the XLSX's names."""
    return f"tableau-salaries-{year}.pdf", f"tableau-salaries-{year}.xlsx"


def status_of(year: int, today: date) -> DocumentStatus:
    """The shared status of the table of `year` on `today` (a year not begun is refused
    before, by `app.staff`)."""
    return DocumentStatus.for_year(year, today)


def document_status(year: int, today: date) -> str | None:
    """« PROVISOIRE » for a year not yet ended on `today`, None for a year over."""
    return PROVISIONAL if status_of(year, today).provisional else None


def period(table: StaffTable, today: date) -> str:
    """The period every page's header and footer name, with the status of the document."""
    status = document_status(table.year, today)
    return f"année {table.year}" + ("" if status is None else f" — {status}")


def made_on(table: StaffTable, today: date) -> str:
    """« Établi le … », and for a year not ended the day its figures stop at."""
    text = f"Établi le {format_date(today)}"
    if document_status(table.year, today) is not None:
        text += (f". Année en cours : chiffres arrêtés au {format_date(table.last_day)}, "
                 f"document provisoire")
    return text + "."


def decimal_text(value: Decimal | None) -> str:
    """« 0,50 », « 2,67 »; « — » for None."""
    return "—" if value is None else f"{value:.2f}".replace(".", ",")


def absence_text(absence: StaffAbsence, last_day: date) -> str:
    """« du 27/04/2026 au 01/06/2026 (22 jours ouvrés) : remplacé(e) par … »."""
    if absence.end is not None:
        when = (f"du {format_date(absence.start)} au {format_date(absence.end)} "
                f"({absence.working_days} jours ouvrés)")
    else:
        when = (f"depuis le {format_date(absence.start)}, sans date de fin "
                f"({absence.working_days} jours ouvrés au {format_date(last_day)})")
    who = NOT_REPLACED if absence.replacement is None else (
        f"remplacé(e) par {absence.replacement}"
        + ("" if absence.replacement_qualified else " (diplôme non équivalent)"))
    return f"{when} : {who}"


def absences_text(line: StaffLine, last_day: date) -> str:
    """Each absence on its own line, « aucune » without one."""
    return "\n".join(absence_text(a, last_day) for a in line.absences) or "aucune"


def table_rows(table: StaffTable) -> list[list[Cell]]:
    """One row per worker (counts as numbers, ETP and points per ETP as French text)."""
    return [[line.name, DIPLOMAS[line.diploma], decimal_text(line.fte),
             *(line.measures[t] for t in STAFF_TYPES), line.months_worked, line.points,
             decimal_text(line.points_per_fte_month), absences_text(line, table.last_day)]
            for line in table.lines]


def totals(table: StaffTable) -> list[Cell]:
    fte = sum((line.fte for line in table.lines), Decimal(0))
    return ["Ensemble", "", decimal_text(fte),
            *(sum(line.measures[t] for line in table.lines) for t in STAFF_TYPES), "",
            sum(line.points for line in table.lines), decimal_text(table.points_per_fte_month),
            f"{sum(len(line.absences) for line in table.lines)} absence(s)"]


def notes(table: StaffTable) -> list[str]:
    return [
        "ETP : tel qu'enregistré dans la fiche du salarié. Mesures : celles de l'année, en "
        "vigueur au moins un jour ou réalisées dans l'année (DSF, diagnostic ASLL, compté avec "
        "l'ASLL), dont le salarié est référent.",
        "Points par ETP et par mois : points ASLL et AML de l'année (mensuels, CET non signé, "
        "diagnostics) ÷ (ETP × mois travaillés), arrondis au centime ; les mois travaillés vont "
        "du premier au dernier mois de l'année où le salarié suit une mesure. La convention "
        "prévoit au plus 50 points par mois et par ETP.",
        "Absences : de plus de 21 jours ouvrés (week-ends et jours fériés non comptés), "
        "signalées au Département ; la mesure est confiée à un professionnel d'un diplôme "
        "équivalent (CESF, assistant(e) de service social, éducateur(trice) spécialisé(e)).",
    ]


def write_staff_table(table: StaffTable, folder: Path, today: date) -> list[Path]:
    """Write `tableau-salaries-AAAA.pdf` and `.xlsx` in `folder` (each atomically, private);
    the paths written. A failure is an `OSError` naming the file that could not be written
    (the one before it is written, the one after untouched)."""
    from desktop_app.private_files import NotARegularFileError
    from desktop_app.reports.staff_files import staff_pdf, staff_xlsx

    pdf_name, xlsx_name = file_names(table.year)
    written = [Path(folder) / pdf_name, Path(folder) / xlsx_name]
    for target, writer in zip(written, (staff_pdf, staff_xlsx), strict=True):
        try:
            writer(table, target, today)
        except NotARegularFileError:
            raise
        except OSError as error:  # named after the file, not its temporary copy
            raise OSError(error.errno, error.strerror, str(target)) from error
    return written
