"""The engine and DuckDB SQL (bench/engine_duckdb.py), written separately
from docs/supervision-method.md, agree on every status of a small synthetic
portfolio, at evaluation dates that reach every rung: early (one point, the
trajectory), before the target years (forecasts), and after them (final)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import duckdb
import numpy as np
import pytest
from bench.engine import AS_OF, Portfolio, synthetic_portfolio
from bench.engine_duckdb import connect, disagreements, evaluate_sql

from actionplan.engine import Status, evaluate

DATES = [
    datetime.date(2019, 12, 31),
    datetime.date(2021, 6, 30),
    AS_OF,
    datetime.date(2025, 12, 31),
    datetime.date(2027, 12, 31),
]


Loaded = tuple[Portfolio, duckdb.DuckDBPyConnection]


@pytest.fixture(scope="module")
def loaded() -> Iterator[Loaded]:
    portfolio = synthetic_portfolio(0.002)
    con = connect(portfolio)
    yield portfolio, con
    con.close()


@pytest.mark.parametrize("as_of", DATES, ids=str)
def test_every_status_agrees(loaded: Loaded, as_of: datetime.date) -> None:
    portfolio, con = loaded
    engine = evaluate(portfolio.indicators, portfolio.observations, as_of)
    sql = evaluate_sql(con, as_of)
    assert len(sql["status"]) == portfolio.indicators.size
    assert disagreements(engine.status, sql["status"].astype(np.int8)) == 0
    np.testing.assert_allclose(sql["latest_value"], engine.latest_value, rtol=1e-9)
    np.testing.assert_allclose(sql["linear"], engine.forecast.linear, rtol=1e-9)
    np.testing.assert_allclose(sql["band_low"], engine.forecast.band_low, rtol=1e-9)
    np.testing.assert_allclose(sql["band_high"], engine.forecast.band_high, rtol=1e-9)


def test_the_dates_reach_every_status(loaded: Loaded) -> None:
    portfolio, _ = loaded
    seen = set()
    for as_of in DATES:
        seen |= set(evaluate(portfolio.indicators, portfolio.observations, as_of).status.tolist())
    assert seen == {int(status) for status in Status}


def test_a_changed_status_is_caught(loaded: Loaded) -> None:
    portfolio, con = loaded
    engine = evaluate(portfolio.indicators, portfolio.observations, AS_OF)
    tampered = engine.status.copy()
    tampered[0] = (tampered[0] + 1) % len(Status)
    assert disagreements(tampered, evaluate_sql(con, AS_OF)["status"].astype(np.int8)) == 1
