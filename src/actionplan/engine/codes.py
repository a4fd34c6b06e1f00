"""The small integer codes the engine's arrays hold, and their names.

Arrays of int8 codes rather than strings keep a portfolio of a million
observations in a few megabytes; the names are what the Django side and
the pages use.
"""

from __future__ import annotations

from enum import IntEnum


class Comparator(IntEnum):
    AT_LEAST = 0  # >=
    MORE_THAN = 1  # >
    AT_MOST = 2  # <=
    EQUAL = 3  # =
    ABOUT = 4  # ~
    NONE = 5  # no target


COMPARATOR_SYMBOLS: dict[str, Comparator] = {
    ">=": Comparator.AT_LEAST,
    ">": Comparator.MORE_THAN,
    "<=": Comparator.AT_MOST,
    "=": Comparator.EQUAL,
    "~": Comparator.ABOUT,
    "": Comparator.NONE,
}


class Direction(IntEnum):
    LOWER = -1
    HIGHER = 1


class Kind(IntEnum):
    LEVEL = 0
    INCREMENT = 1
    SHARE = 2
    GROWTH_RATE = 3


KIND_NAMES: dict[str, Kind] = {
    "level": Kind.LEVEL,
    "increment": Kind.INCREMENT,
    "share": Kind.SHARE,
    "growth_rate": Kind.GROWTH_RATE,
}


class Qualifier(IntEnum):
    EXACT = 0
    APPROX = 1
    AT_LEAST = 2  # the source says "over X": a lower bound


QUALIFIER_NAMES: dict[str, Qualifier] = {
    "exact": Qualifier.EXACT,
    "approx": Qualifier.APPROX,
    "at_least": Qualifier.AT_LEAST,
}


class PeriodKind(IntEnum):
    YEAR = 0  # 1 Jan - 31 Dec
    PART_OF_YEAR = 1  # e.g. Jan-Nov: never compared with a yearly target
    AS_OF_DAY = 2  # a count as of a day (start == end)
    SPAN = 3  # several years


class Status(IntEnum):
    """Before the end of the target year: achieved, on track, at risk, off
    track or no data. From the end of the target year on: met, not met or
    no data. Without a target: no target."""

    ACHIEVED = 0
    ON_TRACK = 1
    AT_RISK = 2
    OFF_TRACK = 3
    NO_DATA = 4
    MET = 5
    NOT_MET = 6
    NO_TARGET = 7

    @property
    def slug(self) -> str:
        return self.name.lower()


class Basis(IntEnum):
    """What a status rests on."""

    NOTHING = 0
    LATEST_VALUE = 1  # achieved, met, not met: the value that counts itself
    FORECAST = 2  # the forecast for the target year (two annual points or more)
    TRAJECTORY = 3  # one point only: compared with the straight line to the target
