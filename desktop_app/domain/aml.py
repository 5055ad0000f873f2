"""AML rules of the convention's AML annex that are not alerts by themselves: the agreement in
principle and its extension by e-mail (issue 11, item 6).

« L'accord de principe est valable 9 mois. Sa durée peut être prolongée par simple mail
adressé au SPSLH ou au SLISL. » Readings: the agreement ends `AGREEMENT_MONTHS` after it was
given (`add_months`: given 15/05/2025, it ends 15/02/2026); an extension counts from the day
its e-mail is sent, only if sent while the agreement is still valid (on or before the end in
force that day: a lapsed agreement is not extended, a new one is asked for); its new end
replaces the old one when later. Several extensions chain in the order they were sent.
"""

from __future__ import annotations

from datetime import date

from desktop_app.domain.dates import add_months
from desktop_app.domain.fr import format_date
from desktop_app.domain.model import AgreementExtension, Measure

#: The AML agreement in principle is valid this many months.
AGREEMENT_MONTHS = 9


def agreement_end(measure: Measure, on: date | None = None) -> date | None:
    """The last day of the agreement in principle as known on `on` (every extension sent on
    or before it; all of them for None), or None without an agreement."""
    if measure.agreement_on is None:
        return None
    end = add_months(measure.agreement_on, AGREEMENT_MONTHS)
    for extension in sorted(measure.agreement_extensions, key=lambda e: (e.sent_on, e.new_end)):
        if on is not None and extension.sent_on > on:
            break
        if extension.sent_on <= end < extension.new_end:
            end = extension.new_end
    return end


def extension_problems(measure: Measure, extension: AgreementExtension) -> dict[str, str]:
    """What is wrong with recording `extension` (field → French message), {} if nothing."""
    agreement = measure.agreement_on
    if agreement is None:
        return {"sent_on": "Indiquez d'abord la date de l'accord de principe (onglet Suivi)."}
    if extension.sent_on < agreement:
        return {"sent_on": f"Le mail est daté d'avant l'accord de principe "
                           f"({format_date(agreement)})."}
    end = agreement_end(measure, extension.sent_on)
    assert end is not None
    if extension.sent_on > end:
        return {"sent_on": f"L'accord de principe a expiré le {format_date(end)} : un mail ne "
                           f"le prolonge que tant qu'il est valable ; demandez un nouvel "
                           f"accord."}
    if extension.new_end <= end:
        return {"new_end": f"La nouvelle fin doit être après la fin actuelle de l'accord "
                           f"({format_date(end)})."}
    return {}
