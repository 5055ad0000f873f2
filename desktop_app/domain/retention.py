"""GDPR keeping rules of the caseload: when a household leaves the active base, when
its file may be anonymised or deleted, and its anonymisation.

- **Active base**: a social record stays in the active base 2 years after the last contact
  (CNIL, référentiel relatif aux traitements de données à caractère personnel mis en œuvre
  dans le cadre de l'accompagnement social et médico-social, délibération n° 2023-095 du
  6 juillet 2023). Here the last contact is the end of the household's last measure; after it,
  the file is moved, after review, to a read-only archive.
- **Keeping date**: the FSL convention's data-protection annex asks the records to be kept
  until 31/12/2034; only after that day may an archived file be anonymised or deleted.

Both figures are data (settings `retention_active_years`, `retention_keep_until`), given
here as `RetentionSettings`.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from desktop_app.domain.anonymisation import (
    coarse_birth,
    grid_days,
    resources_floor,
    scrubbed_reason,
)
from desktop_app.domain.dates import add_months
from desktop_app.domain.dsf_content import without_texts
from desktop_app.domain.measure_facts import in_force_span, one_off_date
from desktop_app.domain.model import Household, Measure, Member, MemberRole

if TYPE_CHECKING:
    from desktop_app.domain.indicators.profile import ProfileBrackets

#: Name given to an anonymised household (followed by its id) and to its members.
ANONYMOUS_HOUSEHOLD = "Ménage anonymisé"
ANONYMOUS_MEMBER = "Membre"


@dataclass(frozen=True, slots=True)
class RetentionSettings:
    """Years in the active base after the last measure ended (CNIL délibération 2023-095),
    and the day until which every file is kept (convention's annex: 31/12/2034)."""

    active_years: int = 2
    keep_until: date = date(2034, 12, 31)


def measure_end(measure: Measure) -> date | None:
    """The last day of contact of a measure, None while it has no end (in force or planned
    without a closing date, or a one-off measure not carried out yet): see `end_of`."""
    span = in_force_span(measure)
    return end_of(None if span is None else span[1], measure.closed_on, one_off_date(measure),
                  max((v.date for v in measure.visits), default=None))


def end_of(span_end: date | None, closed_on: date | None, one_off_on: date | None,
           last_visit: date | None) -> date | None:
    """The end of a measure from its facts: None while it has none (no last day in force —
    `in_force_span` —, no closing date, no day a one-off measure was carried out —
    `one_off_date`); else the latest of these and of its last visit: a closing recorded
    after the last period, or a visit after it, is a later contact (the 2 years count from
    the last contact, CNIL délibération 2023-095)."""
    known = [d for d in (span_end, closed_on, one_off_on) if d is not None]
    if not known:
        return None
    return max([*known, last_visit] if last_visit is not None else known)


def last_end(ends: Iterable[date | None]) -> date | None:
    """The end of the household's last measure, from each measure's end (`measure_end`);
    None if one has no end, or there is none."""
    ends = list(ends)
    if not ends or any(end is None for end in ends):
        return None
    return max(end for end in ends if end is not None)


def leaves_active_base_on(end: date, settings: RetentionSettings) -> date:
    """The first day the file may leave the active base: the day after `end` + N years
    (« plus de 2 ans » : ended 30/11/2024 → 01/12/2026; ended 29/02/2024 → 28/02/2026 is
    the anniversary, clamped as `add_months` does, so 01/03/2026)."""
    return date.fromordinal(add_months(end, 12 * settings.active_years).toordinal() + 1)


def due_for_archive(ends: Iterable[date | None], day: date,
                    settings: RetentionSettings) -> bool:
    """Due on `day`, from each measure's end (`measure_end`): every measure ended (none in
    force or planned on or after `day`) and the last one more than N years before `day`. A
    household without any measure is never due (no contact date to count from)."""
    end = last_end(ends)
    return end is not None and end < day and day >= leaves_active_base_on(end, settings)


def past_keeping_date(day: date, settings: RetentionSettings) -> bool:
    """The convention's keeping date has passed: on 31/12/2034 the files are still kept,
    from 01/01/2035 an archived file may be anonymised or deleted."""
    return day > settings.keep_until


def anonymised(household: Household, measures: list[Measure],
               brackets: ProfileBrackets | None = None) -> tuple[Household, list[Measure]]:
    """The household and its measures with nothing left that identifies the household, and
    every figure of the annual grid (`compute_year_indicators`) of every year unchanged.

    - name « Ménage anonymisé <id> », members « Membre 1 »…, reference, address, postcode,
      town and phone removed; territory and members' roles (composition) kept;
    - the applicant's birth date replaced by a round date of the same age brackets on every
      day the grid takes an age on (`coarse_birth`); other members' birth dates removed;
    - monthly resources replaced by the lower limit of their bracket (`resources_floor`);
    - a DSF's content reduced to its flags (`dsf_content.without_texts`): no text, no debt,
      no date of transmission;
    - closing reasons rid of the household's names, address, phone and of any long number
      (`scrubbed_reason`): the grid counts exits by reason and exits to ordinary housing.
    Ids, dates, codes and numbers of the measures are kept: the grid reads them."""
    # Here, not at the top: the grid's indicators (≈0,03 s to import) are loaded when a
    # household is anonymised, not by every command that opens the store.
    from desktop_app.domain.indicators.profile import ProfileBrackets, applicant_birth

    limits = brackets or ProfileBrackets()
    birth = applicant_birth(household)
    new_birth = None if birth is None else coarse_birth(birth, grid_days(measures),
                                                        limits.age_limits)
    members: list[Member] = []
    applicant_seen = False
    for number, member in enumerate(household.members, start=1):
        keep = member.role is MemberRole.DEMANDEUR and not applicant_seen
        applicant_seen = applicant_seen or member.role is MemberRole.DEMANDEUR
        members.append(Member(f"{ANONYMOUS_MEMBER} {number}", member.role,
                              new_birth if keep else None))
    amount = household.monthly_resources
    new_household = Household(  # the territory's code only: « autre » loses its free text
        household.id, f"{ANONYMOUS_HOUSEHOLD} {household.id}", territory=household.territory,
        monthly_resources=None if amount is None else resources_floor(
            amount, limits.resources_limits),
        members=members)
    phrases = personal_identifiers(household)
    names = [household.name, *(m.name for m in household.members)]
    new_measures = [copy.copy(m) for m in measures]  # periods, visits… shared, unchanged
    for measure in new_measures:
        if measure.close_reason is not None:
            measure.close_reason = scrubbed_reason(measure.close_reason, phrases, names)
        if measure.failure_claim is not None and measure.failure_claim.invoices:
            # the grid reads the amounts of an AML failure claim, never its invoices' texts
            measure.failure_claim = replace(measure.failure_claim, invoices=[])
        if measure.dsf_content is not None:
            # the grid reads the flags of a DSF's content, never its texts nor its dates
            measure.dsf_content = without_texts(measure.dsf_content)
    return new_household, new_measures


def personal_identifiers(household: Household) -> list[str]:
    """What names or locates the household: its name, members' names, reference, address,
    postcode, town and phone (to be scrubbed from free texts)."""
    found = [household.name, household.reference, household.address, household.postcode,
             household.city, household.phone, *(m.name for m in household.members)]
    return [text for text in found if text and text.strip()]
