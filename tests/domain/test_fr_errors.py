"""System errors said in French (`fr.os_reason`): the system's own text may be English."""

from __future__ import annotations

import errno

from desktop_app.domain.fr import os_reason


def test_the_reasons_a_worker_can_act_on() -> None:
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "le disque est plein"
    assert os_reason(PermissionError(errno.EACCES, "Permission denied")).startswith(
        "accès refusé : le fichier est peut-être ouvert dans un autre programme")
    assert os_reason(FileNotFoundError(errno.ENOENT, "No such file or directory")) == (
        "le fichier ou le dossier n'existe pas (clé USB ou lecteur réseau débranché ?)")


def test_a_symbolic_link_loop_is_named() -> None:
    assert os_reason(OSError(errno.ELOOP, "Too many levels of symbolic links")).startswith(
        "boucle de liens symboliques : ")


def test_an_unusual_error_gives_its_number_not_the_english_text() -> None:
    assert os_reason(OSError(errno.ECHILD, "No child processes")) == (
        f"erreur du système n° {errno.ECHILD}")
    assert os_reason(OSError("no number")) == "le système a refusé l'opération sur le fichier"
