"""A user's own data: one way to read an uploaded file into a layer of the map.

:mod:`~geo.io.layers.files` reads the bytes (GeoJSON, GeoPackage, zipped Shapefile, CSV as any
spreadsheet writes it, xlsx) within the stated limits; :mod:`~geo.io.layers.values` reads numbers,
buurt and wijk codes and names as people write them; :mod:`~geo.io.layers.locate` places a table
on the map (codes, coordinates or names) and repairs geometry; :mod:`~geo.io.layers.layer` puts it
together as a :class:`~geo.io.layers.layer.Layer` with the messages a user reads. Nothing is
written anywhere: the data stays in the caller's hands (the user's session).
"""
