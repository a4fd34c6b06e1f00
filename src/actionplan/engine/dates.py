"""Dates as proleptic Gregorian ordinals (``datetime.date.toordinal()``),
turned into years and fractions of years without a Python loop."""

from __future__ import annotations

import datetime

import numpy as np
import numpy.typing as npt

# datetime.date(1970, 1, 1).toordinal(): NumPy counts days from 1970.
UNIX_EPOCH_ORDINAL = 719_163

Ints = npt.NDArray[np.int64]


def year_of(ordinals: Ints) -> Ints:
    days = (ordinals - UNIX_EPOCH_ORDINAL).astype("datetime64[D]")
    return days.astype("datetime64[Y]").astype(np.int64) + 1970


def first_day_of_year(years: Ints) -> Ints:
    starts = (years - 1970).astype("datetime64[Y]").astype("datetime64[D]")
    return starts.astype(np.int64) + UNIX_EPOCH_ORDINAL


def fractional_year(day: datetime.date) -> float:
    """The time coordinate of a day, on the scale where the figure for year Y
    sits at Y (the end of that year): 31 Dec 2019 is 2019.0, 1 Jul 2020 is
    about 2019.5."""
    jan1 = datetime.date(day.year, 1, 1).toordinal()
    length = datetime.date(day.year + 1, 1, 1).toordinal() - jan1
    return day.year - 1 + (day.toordinal() - jan1 + 1) / length
