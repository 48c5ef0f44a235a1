"""``python -m geo.refresh GM0917``: fetch the newest open data for one municipality (see :mod:`geo.refresh.cli`)."""

import sys

from geo.refresh.cli import main

sys.exit(main())
