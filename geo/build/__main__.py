"""``python -m geo.build [--gemeente GM....]``: rebuild ``data/processed[/<GM>]`` from ``data/raw[/<GM>]``."""

import sys

from geo.build.pipeline import main

sys.exit(main())
