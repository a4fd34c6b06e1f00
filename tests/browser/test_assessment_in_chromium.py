"""The coordinator in a real browser: Alice signs in, goes from the
supervision dashboard to the assessment of units, runs the assessment for
2019 through the form, sees the ranking and opens the airport authority's
breakdown ("why this score"): the points of the components, read from the
page, add up to the score shown. The demo's reporting history (one report
returned and resubmitted, one referred to the leading group) gives the
units something to be scored on; nothing is fetched from another host."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from playwright.sync_api import Page, expect
from tests.browser.conftest import Traffic, sign_in
from tests.plans.views_support import AIRPORT_UNIT, GuangzhouSite

from actionplan.plans.seeding import create_demo_users
from actionplan.progress.seeding import load_reporting_history


def test_alice_runs_the_2019_assessment_and_opens_a_units_breakdown(
    live_server: Any, guangzhou: GuangzhouSite, page: Page, traffic: Traffic
) -> None:
    create_demo_users()
    assert load_reporting_history(guangzhou.plan) > 0
    base = live_server.url
    code = guangzhou.plan.code
    sign_in(page, base, "alice")
    page.locator('.site-nav a[href="/oversight/"]').click()
    page.wait_for_url(f"{base}/oversight/plans/{code}/")
    page.get_by_test_id("oversight-links").locator(
        f'a[href="/oversight/plans/{code}/assessments/"]'
    ).click()
    page.wait_for_url(f"{base}/oversight/plans/{code}/assessments/")
    expect(page.get_by_test_id("no-assessment")).to_be_visible()

    form = page.get_by_test_id("run-assessment")
    form.locator("select[name=year]").select_option("2019")
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/assessments/\?id=\d+$"))
    expect(page.get_by_test_id("assessment-meta")).to_contain_text("2019")

    ranking = page.get_by_test_id("ranking")
    rows = ranking.locator("tbody tr[data-unit]")
    expect(rows.first).to_be_visible()
    ranks = [r for r in rows.evaluate_all("rows => rows.map(r => r.dataset.rank)") if r]
    assert ranks and ranks[0] == "1", ranks
    assert [int(r) for r in ranks] == sorted(int(r) for r in ranks)

    airport = ranking.locator(f'tbody tr[data-unit="{AIRPORT_UNIT}"]')
    listed = airport.locator("td.num strong").inner_text().strip()
    airport.get_by_role("link", name=AIRPORT_UNIT).click()
    page.wait_for_url(re.compile(rf"/assessments/\d+/units/{guangzhou.airport_unit.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(AIRPORT_UNIT)

    breakdown = page.get_by_test_id("breakdown")
    points = [Decimal(p.strip()) for p in breakdown.get_by_test_id("points").all_inner_texts()]
    assert len(points) == 5, points
    shown = Decimal(breakdown.locator("tfoot strong").inner_text().strip())
    assert shown == Decimal(listed)
    expect(page.get_by_test_id("unit-score")).to_contain_text(f"{shown:.2f}")
    # Each line is rounded to 0.01 on its own: the sum may be off by half a
    # hundredth per line, no more.
    assert abs(sum(points) - shown) <= Decimal("0.005") * len(points), (points, shown)
    assert shown > 0
    # The airport authority submitted reports in 2019: every line applies,
    # the penalty for returned reports included, each with its share.
    shares = breakdown.locator("tbody tr td.num:nth-child(2)").all_inner_texts()
    assert len(shares) == 5 and all(s.strip().endswith("%") for s in shares), shares
    assert traffic.problems() == {}
