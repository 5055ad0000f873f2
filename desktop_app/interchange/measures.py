"""Parsing the measures of an interchange file, with their periods, visits, reports…

A file of a whole département holds about a million visits: `_visits` is the hot loop, kept
to one object check and four field readers per visit.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, fields
from decimal import Decimal

from desktop_app.domain.aml import EVICTION_CAP, RENT_AND_DAMAGE_CAP
from desktop_app.domain.dsf_content import DsfContent, content_problems
from desktop_app.domain.limits import text_limit, text_problem
from desktop_app.domain.model import (
    AgreementExtension,
    AsllContent,
    ClaimDecision,
    Contract,
    DsfOutcome,
    ExitReason,
    FailureClaim,
    Level,
    LongStayReason,
    Measure,
    MeasureType,
    Notice,
    NoticeKind,
    NotSignedReason,
    Period,
    PeriodKind,
    Report,
    ReportKind,
    Retroactive,
    Stay,
    Suspension,
    SuspensionReason,
    Visit,
    VisitOutcome,
    VisitPlace,
)
from desktop_app.domain.money import format_eur
from desktop_app.domain.reference_lists import recognise_exit
from desktop_app.interchange import shapes
from desktop_app.interchange.fields import JsonObject
from desktop_app.interchange.quoting import readable, shown
from desktop_app.interchange.values import Reader, check_unique, code_table

_VISIT_KEYS = shapes.VISIT.allowed


@dataclass(frozen=True, slots=True)
class KnownIds:
    """The ids the file defines, that measures may refer to."""

    workers: Container[str]
    households: Container[str]
    homes: Container[str]


def parse_measures(r: Reader, items: Iterable[object], seen: dict[str, int], known: KnownIds
                   ) -> Iterator[Measure]:
    """The measures, one at a time (`seen`: see `values.first_indexes`)."""
    for i, item in enumerate(items):
        path = f"measures[{i}]"
        raw = r.obj(item, path, shapes.MEASURE)
        if raw is not None:
            measure_id = r.text(raw, path, "id")
            check_unique(r, measure_id, "measures", i, seen, "mesure")
            yield _measure(r, raw, path, known, measure_id)


def _measure(r: Reader, raw: JsonObject, path: str, known: KnownIds, measure_id: str
             ) -> Measure:
    measure = _fields(r, raw, path, known, measure_id)
    if "exit_reason" not in raw:
        # A file older than the list: its free text is recognised as the store's migration
        # 0003 does (a known text gives its code, any other « autre » with the text kept).
        measure.exit_reason, measure.close_reason = recognise_exit(measure.close_reason)
    if measure.dsf_content is not None:  # its transmissions not before the diagnostic
        problems = content_problems(measure.dsf_content, measure.done_on)
        for key in ("sent_to_tenant_on", "sent_to_landlord_on"):
            if key in problems:
                message = problems[key].rstrip(".")
                r.add(f"{path}.dsf_content.{key}", message[0].lower() + message[1:])
    return measure


def _fields(r: Reader, raw: JsonObject, path: str, known: KnownIds, measure_id: str
            ) -> Measure:
    household = r.text(raw, path, "household")
    if household:
        r.ref(household, f"{path}.household", known.households, "le ménage", "households")
    kind = r.code(raw, path, "type", MeasureType)
    referent = r.text(raw, path, "referent")
    if referent:
        r.ref(referent, f"{path}.referent", known.workers, "l'intervenant", "workers")
    return Measure(
        id=measure_id, household=household, type=kind, referent=referent,
        decision_date=r.opt_day(raw, path, "decision_date"),
        periods=_periods(r, raw, path),
        closed_on=r.opt_day(raw, path, "closed_on"),
        close_reason=r.opt_text(raw, path, "close_reason"),
        exit_reason=r.opt_code(raw, path, "exit_reason", ExitReason),
        suspensions=_suspensions(r, raw, path),
        visits=_visits(r, raw, path, known.workers),
        reports=_reports(r, raw, path),
        notices=_notices(r, raw, path),
        contract=_contract(r, raw, path),
        retroactive=r.opt_code(raw, path, "retroactive", Retroactive),
        asll_content=r.opt_code(raw, path, "asll_content", AsllContent),
        agreement_on=r.opt_day(raw, path, "agreement_on"),
        agreement_extensions=_extensions(r, raw, path),
        lease_transferred_on=r.opt_day(raw, path, "lease_transferred_on"),
        failure_claim=_claim(r, raw, path),
        relay_authorized=r.flag(raw, path, "relay_authorized"),
        concertation_on=r.opt_day(raw, path, "concertation_on"),
        stays=_stays(r, raw, path, known.homes),
        long_stay_reason=r.opt_code(raw, path, "long_stay_reason", LongStayReason),
        extension=r.flag(raw, path, "extension"),
        summoned_on=r.opt_day(raw, path, "summoned_on"),
        hearing_on=r.opt_day(raw, path, "hearing_on"),
        outcome=r.opt_code(raw, path, "outcome", DsfOutcome),
        transmitted_on=r.opt_day(raw, path, "transmitted_on"),
        done_on=r.opt_day(raw, path, "done_on"),
        dsf_content=_dsf_content(r, raw, path),
    )


def _visits(r: Reader, raw: JsonObject, path: str, worker_ids: Container[str]
            ) -> list[Visit]:
    """The visits; a visit whose fields are all right (nearly all of them) takes the fast
    path: dict look-ups only, no path built. Any doubt goes to the full checks."""
    visits: list[Visit] = []
    days, outcomes, places = r.days, code_table(VisitOutcome), code_table(VisitPlace)
    for j, item in enumerate(r.items(raw, path, "visits")):
        try:
            if type(item) is dict and _VISIT_KEYS.issuperset(item):
                day, outcome = days[item["date"]], outcomes[item["outcome"]]
                place, worker = item.get("place"), item.get("worker")
                if (place is None or type(place) is str) and (
                        worker is None or (type(worker) is str and worker in worker_ids)):
                    visits.append(Visit(day, outcome, None if place is None else places[place],
                                        worker))
                    continue
        except (KeyError, TypeError):  # not a known date or code, or not a string at all
            pass
        at = f"{path}.visits[{j}]"
        visit = r.obj(item, at, shapes.VISIT)
        if visit is not None:
            day = r.day(visit, at, "date")
            outcome = r.code(visit, at, "outcome", VisitOutcome)
            place = r.opt_code(visit, at, "place", VisitPlace)
            worker = r.opt_text(visit, at, "worker")
            r.ref(worker, f"{at}.worker", worker_ids, "l'intervenant", "workers")
            visits.append(Visit(date=day, outcome=outcome, place=place, worker=worker))
    return visits


def _periods(r: Reader, raw: JsonObject, path: str) -> list[Period]:
    periods: list[Period] = []
    for _, at, period in r.each(raw, path, "periods", shapes.PERIOD):
        mark = len(r.problems)
        start, end = r.day(period, at, "start"), r.day(period, at, "end")
        r.ordered(start, end, at, mark)
        periods.append(Period(start=start, end=end,
                              level=r.opt_code(period, at, "level", Level),
                              kind=r.opt_code(period, at, "kind", PeriodKind)))
    return periods


def _suspensions(r: Reader, raw: JsonObject, path: str) -> list[Suspension]:
    suspensions: list[Suspension] = []
    for _, at, suspension in r.each(raw, path, "suspensions", shapes.SUSPENSION):
        mark = len(r.problems)
        start, end = r.day(suspension, at, "start"), r.opt_day(suspension, at, "end")
        r.ordered(start, end, at, mark)
        reason = r.code(suspension, at, "reason", SuspensionReason)
        suspensions.append(Suspension(start=start, end=end, reason=reason))
    return suspensions


def _reports(r: Reader, raw: JsonObject, path: str) -> list[Report]:
    reports: list[Report] = []
    for _, at, report in r.each(raw, path, "reports", shapes.REPORT):
        reports.append(Report(kind=r.code(report, at, "kind", ReportKind),
                              period_end=r.day(report, at, "period_end"),
                              sent_on=r.opt_day(report, at, "sent_on"),  # null: not sent yet
                              signed=r.flag(report, at, "signed", required=True)))
    return reports


def _notices(r: Reader, raw: JsonObject, path: str) -> list[Notice]:
    notices: list[Notice] = []
    for _, at, notice in r.each(raw, path, "notices", shapes.NOTICE):
        notices.append(Notice(kind=r.code(notice, at, "kind", NoticeKind),
                              sent_on=r.day(notice, at, "sent_on")))
    return notices


def _extensions(r: Reader, raw: JsonObject, path: str) -> list[AgreementExtension]:
    return [AgreementExtension(sent_on=r.day(item, at, "sent_on"),
                               new_end=r.day(item, at, "new_end"))
            for _, at, item in r.each(raw, path, "agreement_extensions",
                                      shapes.AGREEMENT_EXTENSION)]


def _claim(r: Reader, raw: JsonObject, path: str) -> FailureClaim | None:
    """The AML failure claim; amounts above the annex's caps are refused (`aml`)."""
    given = r.opt_obj(raw, path, "failure_claim", shapes.FAILURE_CLAIM)
    if given is None:
        return None
    found, at = given
    zero = Decimal("0.00")
    invoices: list[str] = []
    for index, item in enumerate(r.items(found, at, "invoices")):
        if type(item) is str and item.strip() and readable(item):
            problem = text_problem(item, text_limit("invoices"))
            if problem is None:
                invoices.append(item)
            else:
                r.add(f"{at}.invoices[{index}]", problem)
        else:
            r.add(f"{at}.invoices[{index}]", f"une facture est un texte non vide entre "
                  f"guillemets, pas {shown(item)}")
    claim = FailureClaim(
        departure_on=r.day(found, at, "departure_on"),
        unpaid_rent=r.opt_money(found, at, "unpaid_rent") or zero,
        damage=r.opt_money(found, at, "damage") or zero,
        eviction=r.opt_money(found, at, "eviction") or zero,
        invoices=invoices, sent_on=r.opt_day(found, at, "sent_on"),
        decision=r.opt_code(found, at, "decision", ClaimDecision),
        decided_on=r.opt_day(found, at, "decided_on"),
        granted=r.opt_money(found, at, "granted"))
    if claim.unpaid_rent + claim.damage > RENT_AND_DAMAGE_CAP:
        r.add(f"{at}.damage", f"impayés de loyer et dégradations au-delà de "
              f"{format_eur(RENT_AND_DAMAGE_CAP)} au total : l'annexe AML les prend en charge "
              f"dans cette limite")
    if claim.eviction > EVICTION_CAP:
        r.add(f"{at}.eviction", f"procédure d'expulsion au-delà de {format_eur(EVICTION_CAP)} : "
              f"l'annexe AML la prend en charge dans cette limite")
    return claim


def _dsf_content(r: Reader, raw: JsonObject, path: str) -> DsfContent | None:
    """The DSF's content (optional: files written before it have none); texts missing or
    null are empty, flags missing are false; a negative debt is refused by `opt_money`."""
    given = r.opt_obj(raw, path, "dsf_content", shapes.DSF_CONTENT)
    if given is None:
        return None
    found, at = given
    values: dict[str, object] = {}
    for f in fields(DsfContent):
        if f.type == "str":
            values[f.name] = r.opt_text(found, at, f.name) or ""
        elif f.type == "bool":
            values[f.name] = r.flag(found, at, f.name)
        elif f.name == "rent_debt":
            values[f.name] = r.opt_money(found, at, f.name)
        else:
            values[f.name] = r.opt_day(found, at, f.name)
    return DsfContent(**values)  # type: ignore[arg-type]


def _contract(r: Reader, raw: JsonObject, path: str) -> Contract | None:
    given = r.opt_obj(raw, path, "contract", shapes.CONTRACT)
    if given is None:
        return None
    contract, at = given
    return Contract(signed_on=r.opt_day(contract, at, "signed_on"),
                    sent_on=r.opt_day(contract, at, "sent_on"),
                    not_signed_on=r.opt_day(contract, at, "not_signed_on"),
                    not_signed_reason=r.opt_code(contract, at, "not_signed_reason",
                                                 NotSignedReason))


def _stays(r: Reader, raw: JsonObject, path: str, home_ids: Container[str]) -> list[Stay]:
    stays: list[Stay] = []
    for _, at, stay in r.each(raw, path, "stays", shapes.STAY):
        home = r.text(stay, at, "home")
        if home:
            r.ref(home, f"{at}.home", home_ids, "le logement", "homes")
        mark = len(r.problems)
        start, end = r.day(stay, at, "start"), r.opt_day(stay, at, "end")
        r.ordered(start, end, at, mark)
        stays.append(Stay(home=home, start=start, end=end))
    return stays
