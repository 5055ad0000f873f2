from tests.ui.conftest import settle


def test_every_screen_opens(window, qtbot):
    for key in ("menages", "equipe", "logements", "points", "parametres", "tableau"):
        assert window.show_screen(key)
        settle(qtbot, window)
    assert window.ctx.runner.last_error is None
