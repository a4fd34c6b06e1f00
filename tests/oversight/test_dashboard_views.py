"""The supervision dashboard and the engine's verdict on the indicator page,
on the embedded Guangzhou data: who may open them, which targets will be
missed (as of the end of 2019) or were missed (as of the end of 2020), the
problems referred to the leading group, and the units that have not
reported."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.test import Client
from tests.plans.views_support import GuangzhouSite, guangzhou_site, site

from actionplan.plans.models import Indicator, Unit
from actionplan.progress.models import Period, Report
from actionplan.progress.services.periods import set_schedule
from actionplan.progress.services.reports import (
    ReportInput,
    open_report,
    save_report,
    submit_report,
)

__all__ = ["guangzhou_site", "site"]  # fixtures used by the tests below

TOURISM_BUREAU = "市文化广电旅游局"


def dashboard_url(site: GuangzhouSite, as_of: str | None = None) -> str:
    url = f"/oversight/plans/{site.plan.code}/"
    return f"{url}?as_of={as_of}" if as_of else url


def english(client: Client, url: str) -> str:
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def table(html: str, testid: str) -> str:
    return html.split(f'data-testid="{testid}"', 1)[1].split("</table>", 1)[0]


def miss_rows(html: str) -> dict[str, str]:
    """indicator code → its row in the list of targets that will be missed."""
    if 'data-testid="misses"' not in html:
        return {}
    rows = re.findall(r'<tr data-indicator="([^"]+)".*?</tr>', table(html, "misses"), re.DOTALL)
    return {
        code: re.search(rf'<tr data-indicator="{code}".*?</tr>', html, re.DOTALL).group(0)  # type: ignore[union-attr]
        for code in rows
    }


def verdict_statuses(html: str) -> dict[str, str]:
    part = html.split('data-testid="all-verdicts"', 1)[1].split("</ul>", 1)[0]
    return dict(
        re.findall(r'<li data-indicator="([^"]+)">.*?data-status="([^"]+)"', part, re.DOTALL)
    )


# --- Access ---------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_sign_in(site: GuangzhouSite, client: Client) -> None:
    url = dashboard_url(site)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"


@pytest.mark.parametrize("who", ["alice", "bob", "lee"])
def test_every_role_reads_the_dashboard(site: GuangzhouSite, client: Client, who: str) -> None:
    client.force_login(getattr(site, who))
    assert client.get(dashboard_url(site)).status_code == 200
    assert client.get(f"/indicators/{site.airport.pk}/?as_of=2019-12-31").status_code == 200


def test_charlie_without_a_role_is_refused(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.charlie)
    assert client.get(dashboard_url(site)).status_code == 403
    assert client.get("/oversight/").status_code == 403


def test_an_unknown_plan_is_not_found(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.lee)
    assert client.get("/oversight/plans/no-such-plan/").status_code == 404


@pytest.mark.parametrize(("who", "shown"), [("alice", True), ("lee", True), ("bob", False)])
def test_the_navigation_offers_supervision_to_the_coordinator_and_the_leader(
    site: GuangzhouSite, client: Client, who: str, shown: bool
) -> None:
    client.force_login(getattr(site, who))
    html = english(client, "/")
    assert ('href="/oversight/"' in html) is shown
    assert (">Supervision</a>" in html) is shown


def test_the_supervision_entry_leads_to_the_only_plan(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.lee)
    response = client.get("/oversight/")
    assert response.status_code == 302
    assert response["Location"] == dashboard_url(site)


def test_the_dashboard_defaults_to_today_and_says_so(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.lee)
    html = english(client, dashboard_url(site))
    today = datetime.date.today().isoformat()
    assert f'name="as_of" value="{today}"' in html
    html = english(client, dashboard_url(site, "31/12/2019"))
    assert "could not be read" in html
    assert f'name="as_of" value="{today}"' in html


# --- Verdicts -------------------------------------------------------------------


def test_at_the_end_of_2019_the_airport_passengers_are_at_risk_with_their_forecast(
    site: GuangzhouSite, client: Client
) -> None:
    client.force_login(site.lee)
    html = english(client, dashboard_url(site, "2019-12-31"))
    assert "Where the plan stands on 2019-12-31" in html
    misses = miss_rows(html)
    airport = misses["airport_passenger_throughput"]
    assert 'data-status="at_risk"' in airport
    assert "</span>at risk</span>" in airport  # the word, not the colour alone
    assert 'class="status status--at_risk"' in airport
    # 69.74M (2018), 73.39M (2019): +3.65M a year -> 77.04M in 2020, 96.3 % of 80M.
    assert "77,040,000" in airport
    assert "band 77,040,000 – 77,231,031" in airport
    assert "96.3%" in airport
    assert f'href="/indicators/{site.airport.pk}/?as_of=2019-12-31"' in airport
    assert 'data-status="at_risk"' in misses["port_cargo_throughput"]
    # Containers are on track (25.02M forecast for 25M): not in the list.
    assert "port_container_throughput" not in misses
    assert verdict_statuses(html)["port_container_throughput"] == "on_track"


def test_at_the_end_of_2020_port_and_airport_targets_are_not_met_and_liner_routes_met(
    site: GuangzhouSite, client: Client
) -> None:
    client.force_login(site.lee)
    html = english(client, dashboard_url(site, "2020-12-31"))
    misses = miss_rows(html)
    for code in ("airport_passenger_throughput", "port_cargo_throughput"):
        assert 'data-status="not_met"' in misses[code], code
        assert "</span>not met</span>" in misses[code]
    assert 'data-status="not_met"' in misses["port_container_throughput"]
    # 43,768,100 / 80M = 54.7 %; 636M t / 650M t = 97.8 %; 23.51M / 25M = 94.0 %.
    assert "54.7%" in misses["airport_passenger_throughput"]
    assert "97.8%" in misses["port_cargo_throughput"]
    assert "94.0%" in misses["port_container_throughput"]
    assert "port_intl_container_liner_routes" not in misses
    statuses = verdict_statuses(html)
    assert statuses["port_intl_container_liner_routes"] == "met"
    assert statuses["inbound_overnight_tourists"] == "no_data"
    # Worst first: every target not met comes before any at risk.
    order = [re.search(r'data-status="(\w+)"', row).group(1) for row in misses.values()]  # type: ignore[union-attr]
    assert order == sorted(order, key=["not_met", "off_track", "at_risk"].index)


def test_red_amber_green_by_section_and_by_unit(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.lee)
    html = english(client, dashboard_url(site, "2019-12-31"))
    totals = html.split('data-testid="rag-totals"', 1)[1].split("</ul>", 1)[0]
    # Airport passengers and port cargo at risk; containers on track and two
    # airport targets achieved; tourism (2), port capacity and liner routes no data.
    assert re.search(r"rag--amber\"><strong>2</strong>", totals)
    assert re.search(r"rag--green\"><strong>3</strong>", totals)
    assert re.search(r"rag--grey\"><strong>4</strong>", totals)
    assert re.search(r"rag--red\"><strong>0</strong>", totals)
    # Red, amber, green, grey.
    assert rag_row(table(html, "rag-by-section"), "营造高水平的国际化服务环境") == [0, 2, 3, 2]
    assert rag_row(table(html, "rag-by-section"), "搭建多元化的国际交流合作平台") == [0, 0, 0, 2]
    # The airport authority is on task 18 (through a measure) and on task 6 (no target).
    assert rag_row(table(html, "rag-by-unit"), "广州空港经济区管委会") == [0, 2, 3, 2]
    assert rag_row(table(html, "rag-by-unit"), TOURISM_BUREAU) == [0, 0, 0, 2]


def rag_row(part: str, name: str) -> list[int]:
    [row] = [r for r in re.findall(r"<tr>.*?</tr>", part, re.S) if name in r]
    return [int(n) for n in re.findall(r'class="rag rag--\w+">(\d+)<', row)]


# --- Escalations and units that have not reported -------------------------------


@pytest.fixture
def q3_2019(site: GuangzhouSite) -> Period:
    periods = set_schedule(None, site.plan, "quarter", 10)
    return next(p for p in periods if p.label == "2019 Q3")


@pytest.fixture
def escalated(site: GuangzhouSite, q3_2019: Period) -> Report:
    """Bob refers the terminal's land approval to the leading group on 5 Oct 2019."""
    report = open_report(site.bob, q3_2019, site.airport_unit, site.airport_task)
    data = ReportInput(status="stalled", problems="第三航站楼用地报批需领导小组协调", escalate=True)
    report = save_report(site.bob, report, data, report.version)
    report = submit_report(site.bob, report, report.version)
    moment = datetime.datetime(2019, 10, 5, 10, tzinfo=datetime.UTC)
    Report.objects.filter(pk=report.pk).update(submitted_at=moment)
    return report


def test_an_escalation_appears_with_its_unit_and_age(
    site: GuangzhouSite, client: Client, escalated: Report
) -> None:
    client.force_login(site.lee)
    html = english(client, dashboard_url(site, "2019-12-31"))
    part = html.split('data-testid="escalations"', 1)[1].split("</ul>", 1)[0]
    assert f'href="/progress/reports/{escalated.pk}/"' in part
    assert "广州空港经济区管委会" in part
    assert "第三航站楼用地报批需领导小组协调" in part
    assert "87 days old" in part  # 5 Oct to 31 Dec 2019
    # Before it was referred, it is not on the dashboard.
    html = english(client, dashboard_url(site, "2019-09-30"))
    assert 'data-testid="escalations"' not in html
    assert "No problem had been referred to the leading group by this date." in html


def test_units_that_have_not_reported_for_the_latest_due_period(
    site: GuangzhouSite, client: Client, escalated: Report
) -> None:
    client.force_login(site.alice)
    html = english(client, dashboard_url(site, "2019-12-31"))
    # Q4 is due on 10 Jan 2020: the latest period due is Q3, due 10 Oct.
    assert "Period 2019 Q3, due 2019-10-10." in html
    part = html.split('data-testid="silent-units"', 1)[1].split("</ul>", 1)[0]
    items = re.findall(r"<li>.*?</li>", part, re.S)
    tourism = Unit.objects.get(name_zh=TOURISM_BUREAU)
    [line] = [i for i in items if TOURISM_BUREAU in i]
    assert "not reported, overdue" in line
    assert f'href="/progress/plans/{site.plan.code}/completeness/units/{tourism.pk}/"' in line
    assert "82 days past due" in line
    # The airport authority reported on task 18 but owes task 6 too: partly.
    [line] = [i for i in items if "广州空港经济区管委会" in i]
    assert "partly reported" in line
    assert "1 of 2 reports" in line


def test_without_a_schedule_nothing_is_due(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.lee)
    html = english(client, dashboard_url(site, "2019-12-31"))
    assert "This plan has no reporting schedule yet: nothing is due." in html


# --- The indicator page -----------------------------------------------------------


def chart(html: str) -> dict:  # type: ignore[type-arg]
    island = re.search(
        r'<script id="indicator-chart-data" type="application/json">(.*?)</script>', html, re.DOTALL
    )
    assert island is not None
    return json.loads(island.group(1))  # type: ignore[no-any-return]


def test_the_indicator_page_shows_the_verdict_forecast_and_band(
    site: GuangzhouSite, client: Client
) -> None:
    client.force_login(site.lee)
    html = english(client, f"/indicators/{site.airport.pk}/?as_of=2019-12-31")
    verdict = html.split('data-testid="verdict"', 1)[1].split("</section>", 1)[0]
    assert 'data-status="at_risk"' in verdict and "</span>at risk</span>" in verdict
    assert "As of 2019-12-31" in verdict
    assert "Forecast for 2020" in verdict
    assert "77,040,000" in verdict.split('data-testid="forecast"', 1)[1][:200]
    assert "77,040,000 – 77,231,031" in verdict.split('data-testid="band"', 1)[1][:200]
    series = table(verdict, "verdict-series")
    assert [y for y in re.findall(r'<th scope="row">(\d{4})', series)] == ["2017", "2018", "2019"]
    assert "no: a lower bound" in series  # 2017: "over 65 million"
    left_out = verdict.split('data-testid="left-out"', 1)[1].split("</ul>", 1)[0]
    assert "not known yet at the evaluation date" in left_out  # the 2020 figures
    assert "a lower bound: the trend is not fitted on it" in left_out

    data = chart(html)
    assert data["labels"]["forecast"].startswith("Forecast for the target year")
    assert data["labels"]["band"] == "Forecast band"
    start, end = data["forecast"]
    assert (start["x"], start["y"]) == (2019.0, 73_390_000)
    assert (end["x"], end["y"]) == (2020.0, pytest.approx(77_040_000))
    low, high = data["band"]
    assert (low["x"], high["x"]) == (2020.0, 2020.0)
    assert (low["y"], high["y"]) == (pytest.approx(77_040_000), pytest.approx(77_231_031, abs=1))


def test_a_final_verdict_draws_no_forecast(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.lee)
    html = english(client, f"/indicators/{site.airport.pk}/?as_of=2020-12-31")
    verdict = html.split('data-testid="verdict"', 1)[1].split("</section>", 1)[0]
    assert 'data-status="not_met"' in verdict
    assert "the verdict is final" in verdict
    assert "54.7%" in verdict
    data = chart(html)
    assert data["forecast"] == [] and data["band"] == []


def test_an_indicator_without_a_target_says_so(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.lee)
    indicator = Indicator.objects.get(plan=site.plan, code="sister_cities")
    html = english(client, f"/indicators/{indicator.pk}/")
    verdict = html.split('data-testid="verdict"', 1)[1].split("</section>", 1)[0]
    assert 'data-status="no_target"' in verdict
    assert "</span>no target</span>" in verdict
