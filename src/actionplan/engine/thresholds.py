"""Every threshold of the supervision method, in one place.

docs/supervision-method.md explains each and compares the method with Open
SDG's progress measure. Change a threshold here and only here.
"""

from __future__ import annotations

# At risk, rather than off track: the forecast for the target year reaches at
# least this share of the target (forecast / target where higher is better,
# target / forecast where lower is), or the favourable edge of the forecast
# band reaches the target itself.
AT_RISK_ATTAINMENT = 0.90

# With one annual point only (no trend), the same share applies to the value
# expected by then on the trajectory from the baseline to the target.
AT_RISK_TRAJECTORY_ATTAINMENT = 0.90

# "=" targets ("120 routes"): met within this share of the target, or beyond
# it on the favourable side. Covers the rounding of a stated figure.
EQUAL_TOLERANCE = 0.005

# "~" targets ("about 23%"): met within this share of the target, or beyond
# it on the favourable side.
ABOUT_TOLERANCE = 0.05

# Half-width of the forecast band in standard errors of prediction of the
# linear trend (about a two-in-three range: a band for a warning, not a
# confidence claim on three or four yearly points).
BAND_STANDARD_ERRORS = 1.0

# Fewer annual points than this: no forecast.
MIN_FORECAST_POINTS = 2
