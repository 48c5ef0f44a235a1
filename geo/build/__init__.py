"""The build: raw open data in, processed GeoParquet out (``make data``, ``python -m geo.build``).

Without options it builds the shipped Heerlen data into ``data/processed``; with ``--gemeente GM0928``
(``make data GM=GM0928``) the municipality's refreshed folders ``data/raw/GM0928/`` into
``data/processed/GM0928/`` (paths: :func:`geo.config.raw_paths`, :func:`geo.config.processed_dir`).

Stages, in the order :func:`~geo.build.pipeline.build` runs them:

* :mod:`~geo.build.inputs` – read and check the raw tables, report the joins per
  source year, choose per column the edition and the year it describes
  (with :mod:`~geo.build.kwb`);
* :mod:`~geo.build.pipeline` – the buurt, wijk and gemeente tables, the map
  shapes (simplified once by :mod:`~geo.build.shapes`) and the metadata;
* :mod:`~geo.build.stock` – energy labels and the housing stock per buurt;
* :mod:`~geo.build.targeting_inputs` – label factors and the municipality's
  households for the retrofit and new-build models.
"""
