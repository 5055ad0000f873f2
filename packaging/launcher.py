"""Entry point of the frozen program: the same as `suivi-fsl …` installed with pip."""

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
