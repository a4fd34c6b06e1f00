"""A person in a real browser: Alice signs in, opens the plan, the airport
indicator, sees the chart drawn and the 2019 figure with its source, and
switches to English; the coordinator's choice works through htmx; every page
loads its assets from this server alone."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, expect
from tests.browser.conftest import Traffic, sign_in
from tests.plans.views_support import GuangzhouSite

CHART = "#indicator-chart"


def chart_state(page: Page) -> dict[str, Any]:
    """The Chart.js instance on the canvas, and how much of the canvas is painted."""
    page.wait_for_function(
        "sel => { const c = document.querySelector(sel);"
        " return c && window.Chart && Chart.getChart(c); }",
        arg=CHART,
    )
    return page.evaluate(
        """sel => {
            const canvas = document.querySelector(sel);
            const chart = Chart.getChart(canvas);
            const ctx = canvas.getContext("2d");
            const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
            let painted = 0;
            for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) painted++; }
            return {
                datasets: chart.data.datasets.map(d => ({label: d.label, points: d.data.length})),
                painted: painted,
                area: canvas.width * canvas.height,
            };
        }""",
        CHART,
    )


def test_alice_opens_the_airport_indicator_and_switches_to_english(
    live_server: Any, guangzhou: GuangzhouSite, page: Page, traffic: Traffic
) -> None:
    base = live_server.url
    sign_in(page, base, "alice")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.get_by_test_id("user-role")).to_have_text("领导小组办公室")

    page.get_by_role("link", name=guangzhou.plan.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(guangzhou.plan.title)
    expect(page.locator(".task-row").first.locator(".tag--illustrative")).to_have_text("示例分工")

    page.get_by_role("link", name="建设通达高效的国际综合交通枢纽").click()
    expect(page.locator("mark.target-sentence").first).to_be_visible()
    page.get_by_role("link", name="白云国际机场旅客吞吐量").click()
    page.wait_for_url(f"{base}/indicators/{guangzhou.airport.pk}/")

    expect(page.get_by_test_id("target")).to_contain_text("80,000,000")
    state = chart_state(page)
    labels = {d["label"]: d["points"] for d in state["datasets"]}
    assert labels["目标值"] == 1
    assert labels["下限值（来源称“至少”）"] == 2  # 2017 and 2023
    assert labels["实际值"] >= 3
    assert any(label.startswith("从最早的完整数据") for label in labels)
    assert state["painted"] > state["area"] * 0.01, "the chart canvas is blank"

    row = page.locator("#observations tr", has_text="73,390,000")
    expect(row).to_have_count(1)
    expect(row.locator("th")).to_have_text(re.compile(r"^\s*2019\s*$"))
    source = row.get_by_role("link")
    expect(source).to_have_attribute("href", "https://www.chinatravelnews.com/article/print/143138")
    expect(source).to_be_visible()

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Observations against the target")).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    expect(page.get_by_test_id("user-role")).to_have_text("coordinator office")
    # The chart is drawn again, with English words; the content keeps its language.
    assert "Target" in {d["label"] for d in chart_state(page)["datasets"]}
    expect(page.get_by_role("heading", level=1)).to_have_text("白云国际机场旅客吞吐量")

    assert traffic.problems() == {}


def test_alice_chooses_the_figure_that_counts_without_leaving_the_page(
    live_server: Any, guangzhou: GuangzhouSite, page: Page, traffic: Traffic
) -> None:
    sign_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/indicators/{guangzhou.airport.pk}/")
    chart_state(page)
    weak = page.locator(".disagreement__side", has_text="43,760,400")
    expect(weak).not_to_have_class(re.compile("is-preferred"))

    with page.expect_response(re.compile(r"/observations/\d+/prefer/")):
        weak.get_by_role("button").click()
    weak = page.locator(".disagreement__side", has_text="43,760,400")
    expect(weak).to_have_class(re.compile("is-preferred"))
    expect(weak).to_contain_text("由领导小组办公室选定")
    expect(page.locator("#messages")).to_contain_text("43,760,400")
    # htmx swapped the evidence in place; the chart was drawn again on the new canvas.
    assert chart_state(page)["painted"] > 0
    assert traffic.problems() == {}


def test_bob_sees_no_choice_buttons(
    live_server: Any, guangzhou: GuangzhouSite, page: Page, traffic: Traffic
) -> None:
    sign_in(page, live_server.url, "bob")
    page.goto(f"{live_server.url}/indicators/{guangzhou.airport.pk}/")
    expect(page.locator(".disagreement__side")).to_have_count(2)
    expect(page.locator(".disagreement__side button")).to_have_count(0)
    assert traffic.problems() == {}


def test_every_page_loads_its_assets_from_this_server_alone(
    live_server: Any, guangzhou: GuangzhouSite, page: Page, traffic: Traffic
) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    sign_in(page, live_server.url, "lee")
    for url in guangzhou.pages().values():
        response = page.goto(f"{live_server.url}{url}")
        assert response is not None and response.status == 200, url
        page.wait_for_load_state("networkidle")
    loaded = {re.sub(r"^https?://[^/]+", "", u) for u in traffic.loaded}
    for asset in (
        "/static/vendor/chart.js/chart.umd.min.js",
        "/static/vendor/htmx.org/htmx.min.js",
        "/static/actionplan/css/actionplan.css",
        "/static/actionplan/js/indicator-chart.js",
        "/static/actionplan/favicon.svg",
    ):
        assert asset in loaded, f"{asset} was not loaded"
    assert traffic.problems() == {}


def test_the_harness_refuses_and_reports_requests_to_other_hosts(
    page: Page, traffic: Traffic
) -> None:
    page.set_content('<img src="https://cdn.example.com/logo.png" alt="">')
    page.wait_for_timeout(200)
    assert traffic.external == ["https://cdn.example.com/logo.png"]
