"""`suivi-fsl screenshots` (devtools) and `suivi-fsl screens`: one PNG per screen, 1280×800,
on demo data."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop_app.ui.screen_tour import FILES
from devtools.screenshots import take_screenshots


def test_one_png_per_screen_on_demo_data(app, tmp_path):  # type: ignore[no-untyped-def]
    paths = take_screenshots(f"sqlite:///{tmp_path / 'demo.sqlite3'}", tmp_path / "png",
                             today=date(2025, 9, 16))
    assert [p.name for p in paths] == [
        "tableau-de-bord.png", "menages.png", "menage.png", "mesure.png", "equipe.png",
        "logements.png", "points.png", "rapports.png", "parametres.png",
        "verrouillage.png", "premier-lancement.png",  # tests/ui/test_lock_screenshots
        "restauration.png",  # tests/ui/test_backup_gui
        "conservation.png"]  # tests/ui/test_retention_screen
    assert len(FILES) == 9
    for path in paths[:9]:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1280, 800)
        # Not an empty window: many distinct colours (text, tables, the chart…).
        colours = {image.pixel(x, y) for x in range(0, 1280, 7) for y in range(0, 800, 7)}
        assert len(colours) > 40, path.name
    # A window shows household data: the folder and the pictures are private (POSIX),
    # and nothing but the pictures is left in the folder.
    assert sorted(os.listdir(tmp_path / "png")) == sorted(p.name for p in paths)
    if os.name == "posix":
        assert os.stat(tmp_path / "png").st_mode & 0o777 == 0o700
        assert {os.stat(p).st_mode & 0o777 for p in paths} == {0o600}


def test_screens_is_the_programs_own_tour_one_png_per_screen(app, tmp_path, capsys):  # type: ignore[no-untyped-def]
    """`suivi-fsl screens` (the installed program's check, run by packaging/smoke_test.py):
    the nine screens, none of the development pictures."""
    from desktop_app.cli import main

    assert main(["--db", str(tmp_path / "demo.sqlite3"), "screens", "--out",
                 str(tmp_path / "png")]) == 0
    listed = capsys.readouterr().out.split()
    assert [Path(p).name for p in listed] == [f"{name}.png" for name in FILES]
    assert sorted(os.listdir(tmp_path / "png")) == sorted(f"{name}.png" for name in FILES)


def test_the_captures_at_another_size(app, tmp_path, capsys):  # type: ignore[no-untyped-def]
    """`--size 1024x768`: the window of the smallest screens the associations use."""
    from desktop_app.cli import main

    assert main(["--db", str(tmp_path / "demo.sqlite3"), "screens", "--out",
                 str(tmp_path / "png"), "--size", "1024x768"]) == 0
    listed = capsys.readouterr().out.split()
    assert len(listed) == len(FILES)
    assert {(QImage(p).width(), QImage(p).height()) for p in listed} == {(1024, 768)}


def test_a_size_the_window_cannot_take_exits_2_in_french(tmp_path, capsys):  # type: ignore[no-untyped-def]
    from desktop_app.cli import main
    from desktop_app.cli_arguments import window_size

    assert window_size("1280x800") == (1280, 800) and window_size("1024×768") == (1024, 768)
    for wrong, said in (("800x600", "taille hors des limites « 800x600 » : de 1024x640 à "
                                    "3840x2160"),
                        ("grand", "taille invalide « grand » (attendu LxH, par exemple "
                                  "1024x768)")):
        with pytest.raises(SystemExit) as exit_:
            main(["--db", str(tmp_path / "demo.sqlite3"), "screens", "--out",
                  str(tmp_path / "png"), "--size", wrong])
        assert exit_.value.code == 2
        assert said in capsys.readouterr().err
    assert not (tmp_path / "png").exists()
