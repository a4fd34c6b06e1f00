"""A leader in a real browser: Lee opens the escalations list, marks the
airport authority's problem handled with a note, then opens the supervision
bulletin and prints it — the print stylesheet hides the navigation and the
tools; nothing is fetched from another host."""

from __future__ import annotations

import datetime
from typing import Any

from playwright.sync_api import Page, expect
from tests.browser.conftest import Traffic, sign_in
from tests.plans.views_support import GuangzhouSite

from actionplan.progress.models import Report
from actionplan.progress.services.periods import set_schedule
from actionplan.progress.services.reports import (
    ReportInput,
    open_report,
    save_report,
    submit_report,
)

PROBLEM = "第三航站楼用地报批需领导小组协调"
NOTE = "已提请领导小组会议协调用地。"


def escalate(site: GuangzhouSite) -> Report:
    periods = set_schedule(None, site.plan, "quarter", 10)
    q3 = next(p for p in periods if p.label == "2019 Q3")
    report = open_report(site.bob, q3, site.airport_unit, site.airport_task)
    data = ReportInput(status="stalled", problems=PROBLEM, escalate=True)
    report = save_report(site.bob, report, data, report.version)
    report = submit_report(site.bob, report, report.version)
    Report.objects.filter(pk=report.pk).update(
        submitted_at=datetime.datetime(2019, 10, 5, 10, tzinfo=datetime.UTC)
    )
    return report


def test_lee_marks_an_escalation_handled_and_prints_the_bulletin(
    live_server: Any, guangzhou: GuangzhouSite, page: Page, traffic: Traffic
) -> None:
    report = escalate(guangzhou)
    key = f"report:{report.pk}"
    base = live_server.url
    code = guangzhou.plan.code
    sign_in(page, base, "lee")
    page.goto(f"{base}/oversight/plans/{code}/")
    page.get_by_test_id("escalations-link").locator("a").first.click()
    page.wait_for_url(f"{base}/oversight/plans/{code}/escalations/**")

    row = page.locator(f'[data-testid="open-escalations"] tr[data-key="{key}"]')
    expect(row).to_contain_text("广州空港经济区管委会")
    expect(row).to_contain_text(PROBLEM)
    # The browser refuses an empty note (the field is required).
    row.locator("button[type=submit]").click()
    expect(row).to_be_visible()
    row.locator("textarea").fill(NOTE)
    row.locator("button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator(f'[data-testid="open-escalations"] tr[data-key="{key}"]')).to_have_count(0)

    page.get_by_test_id("show-filter").locator("a").nth(1).click()
    handled = page.locator(f'[data-testid="handled-escalations"] tr[data-key="{key}"]')
    expect(handled.get_by_test_id("handled-note")).to_contain_text(NOTE)

    page.locator(f'a[href="/oversight/plans/{code}/bulletin/"]').first.click()
    page.wait_for_url(f"{base}/oversight/plans/{code}/bulletin/")
    expect(page.get_by_test_id("bulletin")).to_be_visible()
    expect(page.get_by_test_id("print")).to_be_visible()
    expect(page.locator(".site-nav")).to_be_visible()
    assert page.evaluate("typeof window.print") == "function"

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator(".breadcrumbs")).to_be_hidden()
    expect(page.get_by_test_id("print")).to_be_hidden()
    expect(page.get_by_test_id("bulletin-escalations")).to_be_visible()
    # Each part after the first starts a new page.
    breaks = page.eval_on_selector_all(
        ".bulletin-part", "parts => parts.map(p => getComputedStyle(p).breakBefore)"
    )
    assert breaks[0] != "page" and breaks[1:] == ["page"] * 3, breaks
    page.emulate_media(media="screen")
    expect(page.locator(".site-nav")).to_be_visible()
    assert traffic.problems() == {}
