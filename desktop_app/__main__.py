"""`python -m desktop_app …` is the same as `suivi-fsl …`."""

import sys

from desktop_app.cli import program

sys.exit(program())
