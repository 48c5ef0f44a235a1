"""Where to act: retrofit savings, costs and budget allocation; new-build need, scores and effects."""
