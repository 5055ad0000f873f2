"""Entry point of the frozen program: the same as `suivi-fsl …` installed with pip."""

import locale
import os
import sys


def coerce_c_locale() -> None:
    """What Python's own executable does at start (PEP 538) and PyInstaller's does not: under
    the « C » locale (no LANG, a service, a bare session), text is UTF-8 (LC_CTYPE=C.UTF-8),
    and Qt, which needs UTF-8, does not warn in English that it switched."""
    if os.name != "posix" or os.environ.get("LC_ALL"):
        return
    current = locale.setlocale(locale.LC_CTYPE, None)
    if current not in ("C", "POSIX"):
        return
    for candidate in ("C.UTF-8", "C.utf8", "UTF-8"):
        try:
            locale.setlocale(locale.LC_CTYPE, candidate)
        except locale.Error:
            continue
        os.environ["LC_CTYPE"] = candidate
        return


if __name__ == "__main__":
    coerce_c_locale()
    from desktop_app.cli import program

    sys.exit(program())
