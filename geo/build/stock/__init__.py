"""Energy labels and the housing stock per buurt, from VIVET: estimated by raking or counted per address.

Modules: :mod:`~geo.build.stock.vivet` (reading VIVET, dwelling codes, the group
table), :mod:`~geo.build.stock.raking` (raking, label mix and imputation, the
bootstrap), :mod:`~geo.build.stock.tables` (the buurt and cells tables),
:mod:`~geo.build.stock.validation` (checks against measured gas use and totals)
and :mod:`~geo.build.stock.estimate` (both paths and the build stage).
"""

from geo.build.stock.estimate import BASIS_ADDRESS, BASIS_ESTIMATED, build_stock, estimate_stock

__all__ = ["BASIS_ADDRESS", "BASIS_ESTIMATED", "build_stock", "estimate_stock"]
