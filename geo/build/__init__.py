"""The build: raw open data in, processed GeoParquet out (``make data``).

Stages: :mod:`~geo.build.kwb` (editions, years and values per region),
:mod:`~geo.build.shapes` (the one simplification for the map),
:mod:`~geo.build.stock` (labels and housing stock per buurt), orchestrated by
:func:`~geo.build.pipeline.build`.
"""
