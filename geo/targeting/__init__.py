"""Where to act: retrofit savings, costs and budget allocation; new-build need, scores and effects."""

from geo import vocab
from geo.i18n import _

# A category value of the model (dwelling type, tenure, build period) as the user reads it, in the language in
# force; the model's tables keep the English value. geo.vocab.display comes with the vocabulary work of issue 11;
# until that is merged the plain catalogue lookup stands in (the same thing for values marked in the catalogue).
display = getattr(vocab, "display", _)
