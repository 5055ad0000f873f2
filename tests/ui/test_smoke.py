from desktop_app.app.earnings import month_points
from desktop_app.domain.dates import Month
from tests.ui.conftest import settle
from tests.ui.helpers import seed_asll


def test_every_screen_opens(window, qtbot):  # type: ignore[no-untyped-def]
    for key in ("menages", "equipe", "logements", "points", "parametres", "tableau"):
        assert window.show_screen(key)
        settle(qtbot, window)
    assert window.ctx.runner.last_error is None


def test_dashboard_points_are_the_points_of_the_month(window, qtbot, store):  # type: ignore[no-untyped-def]
    """The dashboard computes the month's points on the caseload of its alerts; they are the
    figures of `suivi-fsl points` (app.earnings.month_points): the ASLL simple of DURAND Marie
    earns 1 point in September 2025 (P1); Claire Martin (1 ETP) may earn 50, the association
    (1 + 0,5 ETP) 75 (Q1). The window opens on Claire Martin's own files."""
    seed_asll(store)
    window.ctx.changed.emit("all")
    settle(qtbot, window)
    data = window.screens["tableau"].data
    expected = month_points(store, Month(2025, 9))
    assert data.points.association == expected.association
    assert data.points.workers == expected.workers
    assert (data.points.association.points, data.points.association.limit) == (1, 75.0)
    dashboard = window.screens["tableau"]
    assert dashboard.points_text.text().startswith(
        "1 point de Claire Martin ce mois-ci, pour un plafond de 50 (50 par ETP).")
    dashboard.team.click()
    assert dashboard.points_text.text().startswith(
        "1 point de l'association ce mois-ci, pour un plafond de 75 (50 par ETP).")


def test_the_status_bar_names_the_store_without_a_password() -> None:
    from desktop_app.ui.app import store_label

    assert store_label("sqlite:////home/anne/suivi-fsl.sqlite3") == "/home/anne/suivi-fsl.sqlite3"
    assert store_label("postgresql://anne:Tr3s-secret@pg.asso.local/suivi_fsl?sslmode=require") == (
        "postgresql+psycopg://anne:***@pg.asso.local/suivi_fsl?sslmode=require")
