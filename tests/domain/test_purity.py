"""The rules core never imports Qt, SQL or the report libraries."""

from __future__ import annotations

import subprocess
import sys


def test_domain_imports_no_gui_no_sql() -> None:
    code = (
        "import sys, pkgutil, importlib, desktop_app.domain as d\n"
        "for m in pkgutil.walk_packages(d.__path__, 'desktop_app.domain.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [n for n in ('PySide6', 'sqlalchemy', 'alembic', 'reportlab', 'openpyxl')\n"
        "       if n in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
