"""`python -m desktop_app …` is the same as `suivi-fsl …`."""

import sys

from desktop_app.cli import main

sys.exit(main())
