"""Rotation of the backups (7 daily, 4 weekly, 12 monthly), worked by hand."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from desktop_app.store.backup_names import (
    backup_name,
    kept,
    list_backups,
    periods_ago,
    rotate,
    taken_at,
)

T = datetime


def test_the_name_carries_the_date_and_time_and_is_read_back() -> None:
    name = backup_name(T(2026, 11, 29, 9, 30, 12))
    assert name == "suivi-fsl-2026-11-29T093012.sqlite3.bak"
    assert taken_at(Path(name)) == T(2026, 11, 29, 9, 30, 12)
    assert taken_at(Path(".suivi-fsl-2026-11-29T093012.sqlite3.bak.en-cours")) is None
    assert taken_at(Path("suivi-fsl-2026-13-29T093012.sqlite3.bak")) is None  # month 13


def test_periods_across_month_year_and_iso_week_boundaries() -> None:
    # Thursday 01/01/2026: ISO week 1 of 2026 starts Monday 29/12/2025.
    today = date(2026, 1, 1)
    assert periods_ago("day", date(2025, 12, 31), today) == 1
    assert periods_ago("week", date(2025, 12, 29), today) == 0  # same ISO week (Monday)
    assert periods_ago("week", date(2025, 12, 28), today) == 1  # Sunday before
    assert periods_ago("month", date(2025, 12, 31), today) == 1  # 2026×12+1 − (2025×12+12)
    assert periods_ago("month", date(2025, 1, 31), today) == 12


def test_every_day_of_a_year_keeps_7_daily_4_weekly_12_monthly() -> None:
    # One backup at 09:00 every day from 01/01/2025 to Thursday 01/01/2026 (366 backups).
    today = date(2026, 1, 1)
    times = [T(2025, 1, 1, 9) + timedelta(days=n) for n in range(366)]
    keep = {t.date() for t in kept(times, today)}
    daily = {date(2025, 12, 26) + timedelta(days=n) for n in range(7)}  # 26/12 … 01/01
    # Latest of each ISO week: this week's is 01/01 (daily already); the 3 before end on
    # Sundays 28/12, 21/12, 14/12 (28/12 is daily too).
    weekly = {date(2026, 1, 1), date(2025, 12, 28), date(2025, 12, 21), date(2025, 12, 14)}
    # Latest of each month: January 2026 (01/01), then the last day of Dec … Feb 2025.
    monthly = {date(2026, 1, 1), date(2025, 12, 31), date(2025, 11, 30), date(2025, 10, 31),
               date(2025, 9, 30), date(2025, 8, 31), date(2025, 7, 31), date(2025, 6, 30),
               date(2025, 5, 31), date(2025, 4, 30), date(2025, 3, 31), date(2025, 2, 28)}
    assert keep == daily | weekly | monthly
    assert len(keep) == 7 + 2 + 10  # 14/12 and 21/12 new; Feb–Nov month ends new


def test_several_backups_a_day_keep_the_latest_of_each_day() -> None:
    today = date(2024, 3, 1)  # leap year: 29/02/2024 is the day before
    times = [T(2024, 2, 29, 9), T(2024, 2, 29, 17, 45), T(2024, 3, 1, 8), T(2024, 3, 1, 12)]
    assert kept(times, today) == {T(2024, 2, 29, 17, 45), T(2024, 3, 1, 12)}


def test_an_old_lone_backup_is_kept_as_the_newest_and_future_ones_are_kept() -> None:
    # Nothing since 10/01/2024: outside every window on 01/03/2026, kept as the newest one.
    assert kept([T(2023, 1, 10), T(2024, 1, 10)], date(2026, 3, 1)) == {T(2024, 1, 10)}
    # A backup dated tomorrow (clock set wrong) is kept, and does not hide today's.
    assert kept([T(2026, 3, 2), T(2026, 3, 1)], date(2026, 3, 1)) == {T(2026, 3, 2),
                                                                      T(2026, 3, 1)}


def test_rotate_deletes_only_backups_not_kept_and_never_other_files(tmp_path: Path) -> None:
    for day in (1, 2, 3, 20, 30):  # 01, 02, 03, 20 and 30/11/2026 at 09:00
        (tmp_path / backup_name(T(2026, 11, day, 9))).write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("à garder")
    (tmp_path / ".suivi-fsl-2026-11-01T090000.sqlite3.bak.en-cours").write_bytes(b"x")
    removed = rotate(tmp_path, date(2026, 11, 30))  # Monday 30/11/2026
    # Daily 24/11–30/11: 30/11. Weekly, the 4 ISO weeks from Monday 09/11: 30/11 (week of
    # 30/11), none in 23–29/11, 20/11 (16–22/11), none in 09–15/11. Monthly: November's
    # latest, 30/11. So 01/11, 02/11 and 03/11 (week of 02/11, 4 weeks ago) go.
    assert [p.name for p in removed] == [backup_name(T(2026, 11, d, 9)) for d in (1, 2, 3)]
    assert [taken_at(p) for p in list_backups(tmp_path)] == [T(2026, 11, 30, 9),
                                                             T(2026, 11, 20, 9)]
    assert (tmp_path / "notes.txt").exists()
    assert (tmp_path / ".suivi-fsl-2026-11-01T090000.sqlite3.bak.en-cours").exists()
