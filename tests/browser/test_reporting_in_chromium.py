"""The reporting cycle in a real browser: Bob (a reporter of the airport
authority, cooperating on task 18) writes a report with a figure and submits
it; Alice (the coordinator office) returns it with a comment; Bob sees the
comment, corrects and resubmits; Alice approves; the indicator chart now
shows the figure."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect
from tests.browser.conftest import Traffic, sign_in
from tests.browser.test_plan_in_chromium import chart_state
from tests.plans.views_support import GuangzhouSite

from actionplan.progress.services.periods import set_schedule

FIGURE = 13_000_000  # a quarter's passengers, reported by Bob for 2020 Q4


def chart_values(page: Page) -> list[float]:
    chart_state(page)  # waits until the chart is drawn
    values: list[float] = page.evaluate(
        """() => Chart.getChart(document.querySelector('#indicator-chart'))
                 .data.datasets.flatMap(d => d.data.map(p => p.y))"""
    )
    return values


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="退出登录").click()
    page.wait_for_url("**/accounts/login/**")


def test_a_report_goes_round_the_cycle_and_the_figure_reaches_the_chart(
    live_server: Any, guangzhou: GuangzhouSite, page: Page, traffic: Traffic
) -> None:
    base = live_server.url
    set_schedule(None, guangzhou.plan, "quarter", 10)
    indicator_url = f"{base}/indicators/{guangzhou.airport.pk}/"

    # Bob writes the report for the latest quarter and a figure with it.
    sign_in(page, base, "bob")
    page.goto(f"{base}/progress/")
    row = page.get_by_test_id(f"owed-{guangzhou.airport_task.number}")
    row.get_by_role("button", name="填写报告").click()
    page.locator("#id_percent_complete").fill("60")
    page.locator("#id_done").fill("第三航站楼建设推进")
    page.get_by_role("button", name="保存草稿").click()
    page.get_by_test_id(f"add-figure-{guangzhou.airport.pk}").click()
    page.locator("#id_value").fill("13,000,000")
    page.locator("#id_explanation").fill("第四季度旅客吞吐量（季度值）")
    page.locator("#id_source_title").fill("机场季度快报")
    page.get_by_role("button", name="保存").click()
    page.wait_for_url("**/progress/reports/*/")
    expect(page.locator("#figures-heading + .table-wrap")).to_contain_text("13,000,000")
    page.get_by_test_id("submit-report").click()
    expect(page.locator(".tag[data-state=submitted]").first).to_be_visible()

    # Not approved yet: the chart does not show it.
    page.goto(indicator_url)
    assert FIGURE not in chart_values(page)
    report_url = page.url
    sign_out(page)

    # Alice returns it with a comment.
    sign_in(page, base, "alice")
    page.goto(f"{base}/progress/queue/")
    page.get_by_role("link", name=guangzhou.airport_task.title).click()
    report_url = page.url
    page.locator("#id_comment").fill("请补充季度数据的来源链接")
    page.get_by_test_id("return").click()
    expect(page.get_by_test_id("review-comment")).to_contain_text("请补充季度数据的来源链接")
    sign_out(page)

    # Bob sees the comment, corrects and resubmits.
    sign_in(page, base, "bob")
    page.goto(report_url)
    expect(page.get_by_test_id("review-comment")).to_contain_text("请补充季度数据的来源链接")
    page.get_by_role("link", name="白云国际机场旅客吞吐量").first.click()
    page.locator("#id_source_url").fill("https://example.org/airport-2020-q4")
    page.get_by_role("button", name="保存").click()
    page.goto(report_url)
    page.get_by_test_id("submit-report").click()
    expect(page.locator(".tag[data-state=submitted]").first).to_be_visible()
    sign_out(page)

    # Alice approves; the chart shows the figure.
    sign_in(page, base, "alice")
    page.goto(report_url)
    page.get_by_test_id("approve").click()
    expect(page.locator(".tag[data-state=approved]").first).to_be_visible()
    timeline = page.get_by_test_id("timeline")
    for step in ("submitted", "returned", "resubmitted", "approved"):
        expect(timeline.locator(f"li[data-reason={step}]")).to_have_count(1)
    page.goto(indicator_url)
    assert FIGURE in chart_values(page)
    assert traffic.problems() == {}
