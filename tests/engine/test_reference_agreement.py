"""Property: the vectorised engine and a plain per-indicator reference
implementation, written here from docs/supervision-method.md, agree on
random portfolios."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.engine.cases import Case, Figure, day, evaluate_all, year

from actionplan.engine import Comparator, Direction, Kind, Qualifier, Status

TOLERANCE = {Comparator.EQUAL: 0.005, Comparator.ABOUT: 0.05}
NEAR = 0.90
EPSILON = 1e-7


@dataclass
class Reference:
    status: Status
    linear: float
    borderline: bool


def fractional_year(d: datetime.date) -> float:
    jan1 = datetime.date(d.year, 1, 1)
    length = (datetime.date(d.year + 1, 1, 1) - jan1).days
    return d.year - 1 + ((d - jan1).days + 1) / length


def reference(case: Case, as_of: datetime.date) -> Reference:
    close: list[float] = []  # distances to a threshold, relative

    def note(distance: float, scale: float) -> None:
        close.append(abs(distance) / max(abs(scale), 1.0))

    # The annual series: a full-year figure, else the year's last count.
    points: dict[int, tuple[float, bool, int]] = {}  # year -> value, bound, rank
    for f in case.figures:
        start, end = datetime.date.fromisoformat(f.start), datetime.date.fromisoformat(f.end)
        if end > as_of:
            continue
        bound = f.qualifier == Qualifier.AT_LEAST
        if start == end:
            rank = end.toordinal()
        elif (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and (
            start.year == end.year
        ):
            rank = 10**9
        else:
            continue
        if end.year not in points or points[end.year][2] < rank:
            points[end.year] = (f.value, bound, rank)

    if case.target is None:
        return Reference(Status.NO_TARGET, math.nan, False)
    target, ty, comp = case.target, case.target_year, case.comparator
    if comp in (Comparator.EQUAL, Comparator.ABOUT):
        sign = 1.0 if case.direction == Direction.HIGHER else -1.0
    else:
        sign = -1.0 if comp == Comparator.AT_MOST else 1.0
    tol = TOLERANCE.get(comp, 0.0)

    def meets(value: float, bound: bool, goal: float) -> tuple[bool, bool]:
        gap = sign * (value - goal)
        ok = gap > 0 if comp == Comparator.MORE_THAN else gap >= -tol * abs(goal)
        note(gap + (0 if comp == Comparator.MORE_THAN else tol * abs(goal)), goal)
        met = ok and (not bound or sign > 0)
        missed = not ok and (not bound or sign < 0)
        return met, missed

    def attains(value: float, goal: float) -> bool:
        if value <= 0 or goal <= 0 or math.isnan(value) or math.isnan(goal):
            return False
        ratio = value / goal if sign > 0 else goal / value
        note(ratio - NEAR, 1.0)
        return ratio >= NEAR

    fit = sorted((y, v) for y, (v, b, _) in points.items() if not b and y <= ty)
    linear = math.nan
    if len(fit) >= 2:
        n = len(fit)
        xs = [float(y - ty) for y, _ in fit]
        ys = [v for _, v in fit]
        mx, my = sum(xs) / n, sum(ys) / n
        sxx = sum((x - mx) ** 2 for x in xs)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx
        linear = my - slope * mx
        sse = sum((y - my - slope * (x - mx)) ** 2 for x, y in zip(xs, ys, strict=True))
        sd = math.sqrt(sse / (n - 2)) if n > 2 else 0.0
        spread = sd * math.sqrt(1 + 1 / n + mx**2 / sxx)
        (y0, v0), (y1, v1) = fit[0], fit[-1]
        compound = v1 * (v1 / v0) ** ((ty - y1) / (y1 - y0)) if v0 > 0 and v1 > 0 else math.nan
        high = linear if math.isnan(compound) else max(linear, compound)
        low = linear if math.isnan(compound) else min(linear, compound)
        edge = high + spread if sign > 0 else low - spread

    if fractional_year(as_of) >= ty:
        if ty not in points:
            return Reference(Status.NO_DATA, linear, False)
        value, bound, _ = points[ty]
        met, missed = meets(value, bound, target)
        status = Status.MET if met else Status.NOT_MET if missed else Status.NO_DATA
        return Reference(status, linear, min(close, default=1) < EPSILON)

    def done(status: Status) -> Reference:
        return Reference(status, linear, min(close, default=1) < EPSILON)

    upto = [y for y in points if y <= ty]
    if not upto:
        return done(Status.NO_DATA)
    latest_year = max(upto)
    latest, latest_bound, _ = points[latest_year]
    if meets(latest, latest_bound, target)[0]:
        return done(Status.ACHIEVED)
    if not math.isnan(linear):
        if meets(linear, False, target)[0]:
            return done(Status.ON_TRACK)
        near = attains(linear, target)
        if meets(edge, False, target)[0] or near:
            return done(Status.AT_RISK)
        return done(Status.OFF_TRACK)

    base_year = case.baseline_year
    base = case.baseline
    if base is None and base_year and base_year in points and not points[base_year][1]:
        base = points[base_year][0]
    if base is None or not base_year or ty <= base_year or latest_year <= base_year:
        return done(Status.NO_DATA)
    share = min(max((latest_year - base_year) / (ty - base_year), 0.0), 1.0)
    compound_path = case.kind == Kind.GROWTH_RATE or case.growth_path
    if compound_path and base > 0 and target > 0:
        expected = base * (target / base) ** share
    else:
        expected = base + (target - base) * share
    if meets(latest, latest_bound, expected)[0]:
        return done(Status.ON_TRACK)
    if attains(latest, expected):
        return done(Status.AT_RISK)
    return done(Status.OFF_TRACK)


@st.composite
def figures(draw: st.DrawFn) -> list[Figure]:
    """A noisy trend (so that every status comes up often), now and then a
    zero (where ratios and compound growth are undefined)."""
    start = draw(st.integers(40, 120))
    growth = draw(st.integers(-10, 15)) / 100
    noise = draw(st.sampled_from([0.0, 0.01, 0.05, 0.2]))

    def value(y: int) -> float:
        if draw(st.integers(0, 30)) == 0:
            return 0.0
        wobble = draw(st.floats(-1, 1, allow_nan=False)) * noise
        return round(start * (1 + growth) ** (y - 2014) * (1 + wobble), 1)

    result: list[Figure] = []
    for y in range(2014, 2023):
        shape = draw(st.sampled_from(["none", "year", "year", "year", "day", "partial", "both"]))
        qualifier = draw(st.sampled_from(list(Qualifier)))
        if shape in ("year", "both"):
            result.append(year(y, value(y), qualifier))
        if shape in ("day", "both"):
            days = draw(st.sets(st.integers(1, 365), min_size=1, max_size=2))
            for d in days:
                iso = (datetime.date(y, 1, 1) + datetime.timedelta(days=d - 1)).isoformat()
                result.append(day(iso, value(y), qualifier))
        if shape == "partial":
            result.append(Figure(f"{y}-01-01", f"{y}-11-30", value(y), qualifier))
    return result


@st.composite
def cases(draw: st.DrawFn) -> Case:
    has_target = draw(st.integers(0, 5)) > 0
    baseline_year = draw(st.sampled_from([0, 2015, 2016, 2017]))
    given_baseline = draw(st.booleans())
    return Case(
        target=draw(st.integers(60, 200).map(float)) if has_target else None,
        comparator=draw(st.sampled_from([c for c in Comparator if c != Comparator.NONE])),
        target_year=draw(st.integers(2017, 2022)),
        figures=draw(figures()),
        direction=draw(st.sampled_from(list(Direction))),
        baseline=draw(st.integers(30, 130).map(float))
        if baseline_year and given_baseline
        else None,
        baseline_year=baseline_year,
        kind=draw(st.sampled_from(list(Kind))),
        growth_path=draw(st.booleans()),
    )


@settings(max_examples=300, deadline=None)
@given(
    portfolio=st.lists(cases(), min_size=1, max_size=8),
    as_of=st.dates(datetime.date(2015, 1, 1), datetime.date(2024, 12, 31)),
)
def test_the_engine_agrees_with_the_reference(portfolio: list[Case], as_of: datetime.date) -> None:
    result = evaluate_all(portfolio, as_of.isoformat())
    for row, case in enumerate(portfolio):
        expected = reference(case, as_of)
        if expected.borderline:
            continue
        assert Status(int(result.status[row])) is expected.status, (row, case)
        linear = float(result.forecast.linear[row])
        if math.isnan(expected.linear):
            assert math.isnan(linear)
        else:
            assert math.isclose(linear, expected.linear, rel_tol=1e-9, abs_tol=1e-6)
