"""``python -m geo.build``: rebuild ``data/processed`` from ``data/raw``."""

import sys

from geo.build.pipeline import main

sys.exit(main())
