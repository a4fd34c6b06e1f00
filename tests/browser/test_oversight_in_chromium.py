"""A leader in a real browser: Lee signs in, opens the supervision dashboard
as of the end of 2019, follows an indicator at risk to its page and sees the
engine's forecast and its band drawn on the chart; nothing is fetched from
another host."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, expect
from tests.browser.conftest import Traffic, sign_in
from tests.browser.test_plan_in_chromium import chart_state
from tests.plans.views_support import GuangzhouSite


def test_lee_opens_the_dashboard_and_sees_the_forecast_and_band(
    live_server: Any, guangzhou: GuangzhouSite, page: Page, traffic: Traffic
) -> None:
    base = live_server.url
    sign_in(page, base, "lee")
    page.locator('.site-nav a[href="/oversight/"]').click()
    page.wait_for_url(f"{base}/oversight/plans/{guangzhou.plan.code}/")

    page.locator("#as_of").fill("2019-12-31")
    page.locator(".as-of-form button").click()
    page.wait_for_url(re.compile(r"as_of=2019-12-31"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("2019-12-31")

    row = page.locator('[data-testid="misses"] tr[data-indicator="airport_passenger_throughput"]')
    expect(row).to_have_attribute("data-status", "at_risk")
    expect(row.locator(".status")).to_be_visible()
    expect(row.get_by_test_id("forecast")).to_contain_text("77,040,000")
    row.get_by_role("link", name="白云国际机场旅客吞吐量").click()
    page.wait_for_url(f"{base}/indicators/{guangzhou.airport.pk}/?as_of=2019-12-31")

    expect(page.get_by_test_id("verdict").locator(".status--at_risk")).to_be_visible()
    expect(page.get_by_test_id("band")).to_contain_text("77,040,000 – 77,231,031")
    state = chart_state(page)
    assert state["painted"] > state["area"] * 0.01, "the chart canvas is blank"
    drawn = page.evaluate(
        """() => {
            const chart = Chart.getChart(document.querySelector("#indicator-chart"));
            const sets = {};
            chart.data.datasets.forEach((d, i) => {
                sets[d._series] = {
                    label: d.label,
                    points: d.data.map(p => [p.x, p.y]),
                    dashed: (d.borderDash || []).length > 0,
                    visible: chart.isDatasetVisible(i),
                };
            });
            return {sets: sets, legend: chart.legend.legendItems.map(item => item.text)};
        }"""
    )
    forecast, band = drawn["sets"]["forecast"], drawn["sets"]["band"]
    # Dashed from 2019 (73.39M) to the 2020 forecast (77.04M).
    assert forecast["dashed"] and forecast["visible"]
    assert forecast["points"][0] == [2019, 73_390_000]
    assert forecast["points"][1][0] == 2020
    assert round(forecast["points"][1][1]) == 77_040_000
    # The band at 2020, from 77.04M to 77.23M.
    assert [x for x, _ in band["points"]] == [2020, 2020]
    assert [round(y) for _, y in band["points"]] == [77_040_000, 77_231_031]
    # Each has its legend entry.
    assert {forecast["label"], band["label"]} <= set(drawn["legend"])
    assert traffic.problems() == {}
