"""Q1, Q2: a quota is overrun when the count passes its limit; reaching it is within."""

from desktop_app.domain.funding.results import over_quota


def test_passing_the_limit_overruns_reaching_it_does_not() -> None:
    # 0,5 ETP: 50 × 0,5 = 25 points; 30 × 0,5 = 15 FAL.
    assert not over_quota(25, 25.0)
    assert over_quota(26, 25.0)
    assert not over_quota(15, 15.0)
    assert over_quota(16, 15.0)
    # 0,7 ETP: a limit of 35 points; 35 is within, 36 is over.
    assert not over_quota(35, 50 * 0.7)
    assert over_quota(36, 50 * 0.7)
