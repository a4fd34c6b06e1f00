"""Oversight: the supervision engine applied to a plan's data."""
