"""``python -m geo.refresh GM0917``: fetch the newest open data for one municipality into ``data/raw/<GM>/``.

The raw-data stage, next to :mod:`geo.build`: it writes raw folders (each with a
``SOURCE.md`` and ``SHA256SUMS``) in the formats the build reads, and never the
processed data. The app never imports it.

Modules: :mod:`~geo.refresh.progress` (stderr lines, the errors that end a run),
:mod:`~geo.refresh.store` (resumable page cache, raw folders that are never
overwritten silently), :mod:`~geo.refresh.cbs` (CBS OData v3 client and the KWB
table), :mod:`~geo.refresh.pdok` (buurt and wijk boundaries), :mod:`~geo.refresh.national`
(the municipality table), :mod:`~geo.refresh.vivet` (the optional PBL VIVET file)
and :mod:`~geo.refresh.cli` (the command).
"""
