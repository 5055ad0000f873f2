"""The demo's DSF carried out with the household met are written up: each content passes
the checks of `dsf_content`, most are complete, none of the others has one."""

from __future__ import annotations

from datetime import date

from desktop_app.demo import generate_caseload
from desktop_app.domain.dsf_content import content_problems, missing_for_sending
from desktop_app.domain.model import DsfOutcome, MeasureType

TODAY = date(2026, 12, 5)


def test_dsf_met_are_written_up_and_valid() -> None:
    caseload = generate_caseload(households=120, seed=2, today=TODAY)
    dsf = [m for m in caseload.measures if m.type is MeasureType.DSF]
    met = [m for m in dsf if m.outcome is DsfOutcome.REALISE and m.done_on is not None]
    assert met and all(m.dsf_content is not None for m in met)
    assert all(m.dsf_content is None for m in dsf if m not in met)
    workers = {w.id: w.name for w in caseload.workers}
    for m in met:
        assert m.dsf_content is not None
        assert content_problems(m.dsf_content, m.done_on) == {}
        assert m.dsf_content.writer.startswith(workers[m.referent] + ", ")
    complete = [m for m in met if not missing_for_sending(m.dsf_content)]
    assert len(met) / 2 < len(complete) < len(met)  # three in four, about
