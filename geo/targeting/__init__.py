"""Where to act: retrofit savings, costs and budget allocation; new-build need, scores and effects."""

# A category value of the model (dwelling type, tenure, build period) as the user reads it, in the language in
# force; the model's tables keep the English value.
from geo.vocab import display

__all__ = ["display"]
