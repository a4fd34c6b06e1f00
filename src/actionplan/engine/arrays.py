"""The engine's input: a portfolio as columns of NumPy arrays.

Indicator ``i`` is row ``i`` of :class:`Indicators`; an observation names
its indicator by that row number. Missing numbers are NaN, missing years 0.
Observations are the approved figures only, one per indicator and period
(when sources disagree, the caller passes the one that counts).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from actionplan.engine.codes import Comparator, Direction, Kind, PeriodKind, Qualifier
from actionplan.engine.dates import first_day_of_year, year_of

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Codes = npt.NDArray[np.int8]
Flags = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Indicators:
    baseline_value: Floats  # NaN: take it from the series for baseline_year
    baseline_year: Ints  # 0: no baseline
    target_value: Floats  # NaN: no target
    target_year: Ints  # 0: no target
    comparator: Codes  # Comparator
    direction: Codes  # Direction: +1 higher is better, -1 lower
    kind: Codes  # Kind
    aspirational: Flags  # 力争: a stretch target
    binding: Flags  # 约束性: must be met
    growth_path: Flags  # the target is a growth path: compound trajectory

    def __post_init__(self) -> None:
        n = len(self.target_value)
        for name in self.__dataclass_fields__:
            if len(getattr(self, name)) != n:
                raise ValueError(f"indicators.{name} has a different length")

    @property
    def size(self) -> int:
        return len(self.target_value)

    @property
    def has_target(self) -> Flags:
        present: Flags = np.isfinite(self.target_value)
        dated: Flags = self.target_year > 0
        compared: Flags = self.comparator != Comparator.NONE
        return present & dated & compared

    @classmethod
    def build(
        cls,
        *,
        target_value: npt.ArrayLike,
        target_year: npt.ArrayLike,
        comparator: npt.ArrayLike,
        baseline_value: npt.ArrayLike | None = None,
        baseline_year: npt.ArrayLike | None = None,
        direction: npt.ArrayLike | None = None,
        kind: npt.ArrayLike | None = None,
        aspirational: npt.ArrayLike | None = None,
        binding: npt.ArrayLike | None = None,
        growth_path: npt.ArrayLike | None = None,
    ) -> Indicators:
        """Columns with defaults: no baseline, higher is better, a level."""
        target = np.asarray(target_value, dtype=np.float64)
        n = len(target)

        def column(values: npt.ArrayLike | None, dtype: type, default: object) -> npt.NDArray:  # type: ignore[type-arg]
            if values is None:
                return np.full(n, default, dtype=dtype)
            return np.asarray(values, dtype=dtype)

        return cls(
            baseline_value=column(baseline_value, np.float64, np.nan),
            baseline_year=column(baseline_year, np.int64, 0),
            target_value=target,
            target_year=column(target_year, np.int64, 0),
            comparator=column(comparator, np.int8, Comparator.NONE),
            direction=column(direction, np.int8, Direction.HIGHER),
            kind=column(kind, np.int8, Kind.LEVEL),
            aspirational=column(aspirational, np.bool_, False),
            binding=column(binding, np.bool_, False),
            growth_path=column(growth_path, np.bool_, False),
        )


@dataclass(frozen=True)
class Observations:
    indicator: Ints  # row in Indicators
    start: Ints  # period start, date ordinal
    end: Ints  # period end, date ordinal
    value: Floats
    qualifier: Codes  # Qualifier
    period_kind: Codes  # PeriodKind, derived from start and end
    year: Ints  # the year of the period end

    def __post_init__(self) -> None:
        n = len(self.value)
        for name in self.__dataclass_fields__:
            if len(getattr(self, name)) != n:
                raise ValueError(f"observations.{name} has a different length")

    @property
    def size(self) -> int:
        return len(self.value)

    @classmethod
    def build(
        cls,
        *,
        indicator: npt.ArrayLike,
        start: npt.ArrayLike,
        end: npt.ArrayLike,
        value: npt.ArrayLike,
        qualifier: npt.ArrayLike | None = None,
    ) -> Observations:
        """Derive the period kind and year from the dates (ordinals)."""
        starts = np.asarray(start, dtype=np.int64)
        ends = np.asarray(end, dtype=np.int64)
        values = np.asarray(value, dtype=np.float64)
        quals = (
            np.zeros(len(values), dtype=np.int8)
            if qualifier is None
            else np.asarray(qualifier, dtype=np.int8)
        )
        start_year = year_of(starts)
        end_year = year_of(ends)
        jan1 = first_day_of_year(end_year)
        next_jan1 = first_day_of_year(end_year + 1)
        kind = np.full(len(values), PeriodKind.PART_OF_YEAR, dtype=np.int8)
        kind[(starts == jan1) & (ends == next_jan1 - 1)] = PeriodKind.YEAR
        kind[start_year != end_year] = PeriodKind.SPAN
        kind[starts == ends] = PeriodKind.AS_OF_DAY
        return cls(
            indicator=np.asarray(indicator, dtype=np.int64),
            start=starts,
            end=ends,
            value=values,
            qualifier=quals,
            period_kind=kind,
            year=end_year,
        )

    @property
    def is_lower_bound(self) -> Flags:
        bound: Flags = self.qualifier == Qualifier.AT_LEAST
        return bound
