"""The dashboard stays the same size however large the plan: the first rows
of each list with a link to the whole (its own page, by pages), and the
statuses that moved since the last period."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone
from tests.oversight.test_dashboard_views import (
    dashboard_url,
    english,
    miss_rows,
    table,
)
from tests.plans.views_support import GuangzhouSite, guangzhou_site, site

from actionplan.oversight import dashboard, views
from actionplan.oversight.refresh import refresh_indicators, refresh_plan
from actionplan.oversight.services import evaluate_plan
from actionplan.plans.models import Observation, ReviewState

__all__ = ["guangzhou_site", "site"]

END_2020 = "2020-12-31"
END = datetime.date(2020, 12, 31)
MONTH = datetime.timedelta(days=30)


@pytest.fixture
def small_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dashboard, "LIST_ROWS", 2)
    monkeypatch.setattr(dashboard, "UNIT_ROWS", 2)
    monkeypatch.setattr(dashboard, "SMALL_PLAN", 3)
    monkeypatch.setattr(views, "MISSES_PER_PAGE", 2)


def unit_rows(html: str) -> list[str]:
    return re.findall(r'<th scope="row"><a href="/units/(\d+)/">', table(html, "rag-by-unit"))


@pytest.mark.parametrize("as_of", [END_2020, None])
def test_a_large_plan_shows_the_first_rows_and_links_to_the_rest(
    site: GuangzhouSite, client: Client, small_lists: None, as_of: str | None
) -> None:
    client.force_login(site.lee)
    html = english(client, dashboard_url(site, as_of))
    assert len(miss_rows(html)) == 2
    assert 'data-testid="all-misses-link"' in html
    assert 'data-testid="all-verdicts"' not in html  # a plan too large to list whole
    assert len(unit_rows(html)) == 2
    assert 'data-testid="all-units-link"' in html

    date = as_of or timezone.localdate().isoformat()
    listed: list[str] = []
    page = 1
    while True:
        response = client.get(f"/oversight/plans/{site.plan.code}/misses/?as_of={date}&page={page}")
        assert response.status_code == 200
        rows = miss_rows(response.content.decode())
        assert 1 <= len(rows) <= 2
        listed += rows
        if 'rel="next"' not in response.content.decode():
            break
        page += 1
    total = int(re.search(r"All (\d+) targets that will be missed", html).group(1))  # type: ignore[union-attr]
    assert len(listed) == len(set(listed)) == total > 2
    assert list(miss_rows(html)) == listed[:2]  # the dashboard shows the worst first

    units_page = client.get(f"/oversight/plans/{site.plan.code}/units/?as_of={date}")
    every_unit = unit_rows(units_page.content.decode())
    assert len(every_unit) > 2
    assert unit_rows(html) == every_unit[:2]


def test_a_status_that_moved_since_the_last_period_is_listed(
    site: GuangzhouSite, client: Client
) -> None:
    today = timezone.localdate()
    refresh_plan(site.plan, today)
    airport = site.airport
    Observation.objects.create(
        indicator=airport,
        value=Decimal(90_000_000),  # a corrected 2020 figure above the 80 million target
        period_start=datetime.date(2020, 1, 1),
        period_end=datetime.date(2020, 12, 31),
        source_quality="official",
        state=ReviewState.APPROVED,
        is_preferred=True,
    )
    refresh_indicators([airport.pk], today)
    client.force_login(site.lee)
    html = english(client, dashboard_url(site))
    changes = html.split('data-testid="changes"', 1)[1].split("</ul>", 1)[0]
    row = re.search(
        rf'<li data-indicator="{airport.code}" data-worse="(\w+)">(.*?)</li>', changes, re.S
    )
    assert row is not None
    assert row.group(1) == "false"
    assert "not met →" in row.group(2) and 'data-status="met"' in row.group(2)


def test_another_day_compares_the_statuses_at_the_two_dates(
    site: GuangzhouSite, client: Client
) -> None:
    """Without a schedule the window is the 30 days before the date: at the
    end of 2020 the verdicts turn final, and the page lists each indicator
    whose status differs from its status on 1 December."""
    at_end = {v.indicator.code: v.status for v in evaluate_plan(site.plan, END)}
    before = {v.indicator.code: v.status for v in evaluate_plan(site.plan, END - MONTH)}
    moved = {code for code, status in at_end.items() if before[code] != status}
    assert moved  # the final verdicts differ from the forecasts a month before
    client.force_login(site.lee)
    html = english(client, dashboard_url(site, END.isoformat()))
    changes = html.split('data-testid="changes"', 1)[1].split("</ul>", 1)[0]
    listed = dict(
        re.findall(r'<li data-indicator="([^"]+)".*?data-status="([^"]+)"', changes, re.S)
    )
    assert set(listed) == moved
    assert all(listed[code] == at_end[code].slug for code in moved)
