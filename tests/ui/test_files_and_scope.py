"""Fichier › Importer / Exporter through the window; « Mes dossiers » on the dashboard."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.ui import file_actions
from desktop_app.ui.models import ROW_ROLE
from tests.conftest import EXAMPLES
from tests.ui.conftest import settle


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()]


def test_import_with_ids_already_in_the_store_is_refused(window, qtbot, store):  # type: ignore[no-untyped-def]
    # The test team (w1, w2) is in the store, and exemple-1 defines w1 and w2 too.
    file_actions.import_file(window, window.ctx, EXAMPLES / "exemple-1.json")
    settle(qtbot, window)
    boxes = _boxes()
    assert [b.windowTitle() for b in boxes] == ["Le fichier exemple-1.json n'a pas été importé"]
    assert "rien n'a été importé" in boxes[0].text()
    assert "workers[0].id" in boxes[0].detailedText()
    boxes[0].close()
    assert store.household_rows(window.ctx.today()) == []  # nothing imported


def test_import_into_an_empty_store_and_export(app, qtbot, tmp_path, empty_store_file):  # type: ignore[no-untyped-def]
    import shutil

    from desktop_app.store.repository import open_store
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.main_window import MainWindow
    from tests.ui.conftest import TODAY

    path = tmp_path / "vide.sqlite3"
    shutil.copyfile(empty_store_file, path)
    ctx = AppContext(open_store(f"sqlite:///{path}"), today=lambda: TODAY)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.start()
    settle(qtbot, win)
    file_actions.import_file(win, ctx, EXAMPLES / "exemple-1.json")
    settle(qtbot, win)
    assert not _boxes()
    # Every screen reloaded: the household list shows the file's four households.
    assert win.show_screen("menages")
    settle(qtbot, win)
    assert win.screens["menages"].model.total == 4
    exported = tmp_path / "export.json"
    file_actions.export_file(win, ctx, exported)
    settle(qtbot, win)
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["format"] == "suivi-fsl/1"
    assert sorted(h["id"] for h in document["households"]) == ["h1", "h2", "h3", "h4"]


def test_an_invalid_file_lists_its_problems(window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    bad = tmp_path / "mauvais.json"
    bad.write_text(json.dumps({"format": "suivi-fsl/1", "association": {"name": "A"},
                               "workers": [], "households": [],
                               "measures": [{"id": "m1", "household": "h9", "type": "ASLL",
                                             "referent": "w9"}]}), encoding="utf-8")
    file_actions.import_file(window, window.ctx, bad)
    settle(qtbot, window)
    boxes = _boxes()
    assert [b.windowTitle() for b in boxes] == ["Le fichier mauvais.json n'a pas été importé"]
    assert "measures[0].household" in boxes[0].detailedText()
    boxes[0].close()


@pytest.mark.timeout(120)  # reading a pipe used to hang: fail instead
def test_a_pipe_or_a_device_is_refused_by_the_import_and_the_merge(  # type: ignore[no-untyped-def]
        window, qtbot, store, tmp_path):
    from desktop_app.ui.household import file_actions as household_file_actions
    fifo = tmp_path / "tube.json"
    os.mkfifo(fifo)
    refusal = ("(fichier) : ce n'est pas un fichier ordinaire (un périphérique, un tube, une "
               "socket…) : choisissez le fichier .json exporté")
    for act, path, what in ((file_actions.import_file, fifo, "importé"),
                            (household_file_actions.merge_file, Path("/dev/zero"), "fusionné")):
        act(window, window.ctx, path)
        settle(qtbot, window)
        [box] = _boxes()
        assert box.windowTitle() == f"Le fichier {path.name} n'a pas été {what}"
        assert box.detailedText() == refusal
        box.close()
    assert store.household_rows(window.ctx.today()) == []  # nothing imported


def test_my_cases_or_the_whole_team(window, qtbot, store):  # type: ignore[no-untyped-def]
    from tests.ui.helpers import seed_asll

    seed_asll(store)  # Claire Martin's ASLL: CET late, visits missing
    measure = store.measure("m1")
    measure.id, measure.household, measure.referent = "m2", "h2", "w2"
    from desktop_app.domain.model import Household

    store.save_household(Household("h2", "LEFEBVRE Paul"))
    store.save_measure(measure)  # the same, for Julien Petit
    window.ctx.changed.emit("all")
    settle(qtbot, window)
    dashboard = window.screens["tableau"]

    def subjects() -> set[str]:
        return {i.data(ROW_ROLE).household_name for i in dashboard.alert_model.leaves()}

    dashboard.team.click()
    assert subjects() == {"DURAND Marie", "LEFEBVRE Paul"}
    dashboard.worker_box.setCurrentIndex(dashboard.worker_box.findData("w2"))
    dashboard.worker_box.activated.emit(dashboard.worker_box.currentIndex())
    dashboard.mine.click()
    assert subjects() == {"LEFEBVRE Paul"}
    assert dashboard.points_text.text().startswith("1 point de Julien Petit ce mois-ci")
    assert window.ctx.current_worker == "w2" and window.ctx.mine_only
    # Remembered for next time.
    from PySide6.QtCore import QSettings

    assert QSettings().value("travail/travailleur_courant") == "w2"



def test_a_whole_store_export_that_cannot_be_written_is_said_in_french(  # type: ignore[no-untyped-def]
        window, qtbot, tmp_path, monkeypatch):
    """Fichier › Exporter onto a full disk or a special file: the French reason and what to
    do, not « Erreur inattendue » with a traceback; the old export is kept whole."""
    import errno
    import os
    import stat

    from desktop_app import private_files

    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "export.json"
    target.write_text("ancien export", encoding="utf-8")

    def full(path):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    with monkeypatch.context() as patched:
        patched.setattr(private_files, "_sync_file", full)
        file_actions.export_file(window, window.ctx, target)
        settle(qtbot, window)
    [box] = _boxes()
    assert (box.windowTitle(), box.text()) == (
        "Export non écrit",
        f"Impossible d'écrire « {target} » : le disque est plein. Libérez de la place sur le "
        "disque ou choisissez-en un autre, puis recommencez : l'ancien fichier, s'il y en "
        "avait un, est intact.")
    box.close()
    assert target.read_text(encoding="utf-8") == "ancien export"
    assert os.listdir(folder) == ["export.json"]
    if hasattr(os, "mkfifo"):
        fifo = folder / "tube.json"
        os.mkfifo(fifo)
        file_actions.export_file(window, window.ctx, fifo)
        settle(qtbot, window)
        [box] = _boxes()
        assert box.text() == (
            f"Impossible d'écrire « {fifo} » : ce nom est celui d'un périphérique ou d'un "
            "tube, pas d'un fichier ordinaire : l'application ne le remplace jamais. "
            "Choisissez un autre nom ou un autre dossier, puis recommencez.")
        box.close()
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
