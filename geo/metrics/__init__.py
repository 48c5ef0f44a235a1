"""Indicators and the energy-poverty index: pure functions of the buurt table and settings."""
