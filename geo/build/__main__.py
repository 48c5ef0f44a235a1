"""``python -m geo.build [--gemeente GM....]``: rebuild ``data/processed[/<GM>]`` from ``data/raw[/<GM>]``."""

import sys

from geo.build.cli import main

sys.exit(main())
