"""Parsing the workers, households and ALT homes of an interchange file, one record at a
time (`seen`: id → index of the first record that has it, see `values.first_indexes`)."""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator

from desktop_app.domain.model import (
    Absence,
    Diploma,
    Home,
    Household,
    Member,
    MemberRole,
    Territory,
    Vacancy,
    Worker,
)
from desktop_app.domain.reference_lists import recognise_territory
from desktop_app.interchange import shapes
from desktop_app.interchange.fields import JsonObject
from desktop_app.interchange.values import Reader, check_unique


def parse_workers(r: Reader, items: Iterable[object], seen: dict[str, int]
                  ) -> Iterator[Worker]:
    """The workers; `seen` also holds the ids an absence's replacement may refer to."""
    for i, item in enumerate(items):
        path = f"workers[{i}]"
        raw = r.obj(item, path, shapes.WORKER)
        if raw is None:
            continue
        worker_id = r.text(raw, path, "id")
        check_unique(r, worker_id, "workers", i, seen, "intervenant")
        worker = Worker(id=worker_id, name=r.text(raw, path, "name", blank=True),
                        diploma=r.code(raw, path, "diploma", Diploma), fte=r.fte(raw, path, "fte"))
        for j, child in enumerate(r.items(raw, path, "absences")):
            absence = _absence(r, child, f"{path}.absences[{j}]", seen)
            if absence is not None:
                worker.absences.append(absence)
        yield worker


def _absence(r: Reader, item: object, path: str, worker_ids: Container[str]
             ) -> Absence | None:
    raw = r.obj(item, path, shapes.ABSENCE)
    if raw is None:
        return None
    mark = len(r.problems)
    start = r.day(raw, path, "start")
    end = r.opt_day(raw, path, "end")
    r.ordered(start, end, path, mark)
    reason = r.opt_text(raw, path, "reason")
    notified = r.opt_day(raw, path, "slisl_notified_on")
    replacement = r.opt_text(raw, path, "replacement")
    r.ref(replacement, f"{path}.replacement", worker_ids, "l'intervenant", "workers")
    return Absence(start=start, end=end, reason=reason, slisl_notified_on=notified,
                   replacement=replacement)


def _territory(r: Reader, raw: JsonObject, path: str) -> tuple[Territory | None, str | None]:
    """A file of this version has `territory_other`: `territory` is then a code. An older
    file has only `territory`, a free text: recognised as the store's migration 0003 does."""
    if "territory_other" in raw:
        return (r.opt_code(raw, path, "territory", Territory),
                r.opt_text(raw, path, "territory_other"))
    return recognise_territory(r.opt_text(raw, path, "territory"))


def parse_households(r: Reader, items: Iterable[object], seen: dict[str, int]
                     ) -> Iterator[Household]:
    for i, item in enumerate(items):
        path = f"households[{i}]"
        raw = r.obj(item, path, shapes.HOUSEHOLD)
        if raw is None:
            continue
        household_id = r.text(raw, path, "id")
        check_unique(r, household_id, "households", i, seen, "ménage")
        household = Household(
            id=household_id, reference=r.opt_text(raw, path, "reference"),
            name=r.text(raw, path, "name", blank=True), address=r.opt_text(raw, path, "address"),
            postcode=r.opt_text(raw, path, "postcode"), city=r.opt_text(raw, path, "city"),
            phone=r.opt_text(raw, path, "phone"),
            monthly_resources=r.opt_money(raw, path, "monthly_resources"))
        household.territory, household.territory_other = _territory(r, raw, path)
        for j, child in enumerate(r.items(raw, path, "members")):
            member_path = f"{path}.members[{j}]"
            member = r.obj(child, member_path, shapes.MEMBER)
            if member is not None:
                household.members.append(Member(
                    name=r.text(member, member_path, "name", blank=True),
                    birth_date=r.opt_day(member, member_path, "birth_date"),
                    role=r.code(member, member_path, "role", MemberRole)))
        yield household


def parse_homes(r: Reader, items: Iterable[object], seen: dict[str, int]) -> Iterator[Home]:
    for i, item in enumerate(items):
        path = f"homes[{i}]"
        raw = r.obj(item, path, shapes.HOME)
        if raw is None:
            continue
        home_id = r.text(raw, path, "id")
        check_unique(r, home_id, "homes", i, seen, "logement")
        home = Home(id=home_id, address=r.text(raw, path, "address", blank=True))
        for j, child in enumerate(r.items(raw, path, "vacancies")):
            vacancy_path = f"{path}.vacancies[{j}]"
            vacancy = r.obj(child, vacancy_path, shapes.VACANCY)
            if vacancy is None:
                continue
            mark = len(r.problems)
            start = r.day(vacancy, vacancy_path, "start")
            end = r.day(vacancy, vacancy_path, "end")
            r.ordered(start, end, vacancy_path, mark)
            home.vacancies.append(Vacancy(start=start, end=end, justified=r.flag(
                vacancy, vacancy_path, "justified", required=True)))
        yield home
