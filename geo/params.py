"""The user's settings as frozen, validated values: hashable, so they key the caches.

Each settings object has the defaults the app starts with and refuses values that
make no sense (negative prices, weights that sum to zero), with a message for the user.
"""

from __future__ import annotations
