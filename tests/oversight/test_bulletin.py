"""The supervision bulletin (督查通报) on the Guangzhou default with the demo's
reporting history: the 2019 Q3 bulletin names the airport authority's
problem referred to the leading group and the units that did not report;
a year can be chosen instead of a period; who may read it."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction
from django.test import Client

from actionplan.oversight.escalations import mark_handled
from actionplan.plans.models import Plan
from actionplan.plans.seeding import create_demo_users, load_default
from actionplan.progress.models import Period, Report
from actionplan.progress.seeding import ESCALATION, load_reporting_history

AIRPORT_UNIT = "广州空港经济区管委会"
PORT = "市港务局"
TOURISM = "市文化广电旅游局"


@pytest.fixture(scope="module")
def demo_plan(django_db_setup: None, django_db_blocker: object) -> Iterator[Plan]:
    """The embedded default, the demo users and their reporting history,
    loaded once for the module and rolled back at its end."""
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            plan = load_default().version.plan
            create_demo_users()
            load_reporting_history(plan)
            get_user_model().objects.create_user("nobody", password="x")
            yield plan
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def plan(demo_plan: Plan, db: None) -> Plan:
    return demo_plan


def user(name: str) -> User:
    return User.objects.get(username=name)


def bulletin_url(plan: Plan, query: str = "") -> str:
    return f"/oversight/plans/{plan.code}/bulletin/{query}"


def q3(plan: Plan) -> Period:
    return next(p for p in Period.objects.filter(plan=plan) if p.label == "2019 Q3")


def english(client: Client, url: str) -> str:
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def part(html: str, testid: str) -> str:
    return html.split(f'data-testid="{testid}"', 1)[1].split("</section>", 1)[0]


def lagging_rows(html: str) -> dict[str, str]:
    rows = re.findall(r'<tr data-unit="([^"]+)"(.*?)</tr>', part(html, "bulletin-lagging"), re.S)
    return {name: row for name, row in rows}


def test_the_2019_q3_bulletin_names_the_escalation_and_the_silent_units(
    plan: Plan, client: Client
) -> None:
    client.force_login(user("leader"))
    html = english(client, bulletin_url(plan, f"?period={q3(plan).pk}"))
    assert "Supervision bulletin: 2019 Q3" in html
    # Reports were due on 10 October: verdicts and escalations as of then.
    assert "verdicts and escalations as of 2019-10-10" in html

    escalations = part(html, "bulletin-escalations")
    report = Report.objects.get(escalate=True, unit__name_zh=AIRPORT_UNIT)
    row = re.search(rf'<tr data-key="report:{report.pk}".*?</tr>', escalations, re.S)
    assert row is not None
    assert AIRPORT_UNIT in row.group(0) and ESCALATION in row.group(0)
    assert "5 days" in row.group(0)  # submitted 5 October

    lagging = lagging_rows(html)
    assert "data-not-reported" in lagging[TOURISM] and "not reported, overdue" in lagging[TOURISM]
    # The airport authority and the port reported on task 18 but owe more.
    assert "partly reported" in lagging[AIRPORT_UNIT]
    assert "2019 Q3: 1 of 2 reports" in lagging[AIRPORT_UNIT]
    assert "partly reported" in lagging[PORT]
    # Silent units first.
    names = list(lagging)
    assert names.index(TOURISM) < names.index(AIRPORT_UNIT)

    overall = part(html, "bulletin-overall")
    assert re.search(r"Submitted on time</th><td class=\"num\">2 \(\d+%\)", overall)


def test_a_year_can_be_chosen(plan: Plan, client: Client) -> None:
    client.force_login(user("coordinator"))
    html = english(client, bulletin_url(plan, "?year=2019"))
    assert "Supervision bulletin: 2019" in html
    assert "Covers 2019-01-01 to 2019-12-31" in html
    assert "verdicts and escalations as of 2020-01-10" in html
    lagging = lagging_rows(html)
    # Every quarter of 2019 missing for the tourism bureau.
    assert lagging[TOURISM].count("not reported, overdue") == 4


def test_the_bulletin_is_printable(plan: Plan, client: Client) -> None:
    client.force_login(user("leader"))
    html = english(client, bulletin_url(plan))
    assert 'href="/static/actionplan/css/print.css" media="print"' in html
    assert 'onclick="window.print()"' in html
    assert html.count('class="card bulletin-part"') == 4


def test_a_handled_escalation_leaves_the_bulletin_of_later_dates_only(
    plan: Plan, client: Client
) -> None:
    report = Report.objects.get(escalate=True, unit__name_zh=AIRPORT_UNIT)
    mark_handled(user("leader"), f"report:{report.pk}", "已提请领导小组会议协调。")
    client.force_login(user("leader"))
    # The 2019 Q3 bulletin still lists it (it was open then), with the later note.
    html = english(client, bulletin_url(plan, f"?period={q3(plan).pk}"))
    escalations = part(html, "bulletin-escalations")
    assert f'data-key="report:{report.pk}"' in escalations
    assert "已提请领导小组会议协调。" in escalations


@pytest.mark.parametrize("who", ["coordinator", "leader", "port", "airport"])
def test_every_role_reads_the_bulletin(plan: Plan, client: Client, who: str) -> None:
    client.force_login(user(who))
    assert client.get(bulletin_url(plan)).status_code == 200
    assert client.get(f"/oversight/plans/{plan.code}/escalations/").status_code == 200


def test_anonymous_signs_in_and_no_role_is_refused(plan: Plan, client: Client) -> None:
    url = bulletin_url(plan)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"
    client.force_login(user("nobody"))
    assert client.get(url).status_code == 403
    assert client.get(f"/oversight/plans/{plan.code}/escalations/").status_code == 403


def test_an_unknown_plan_is_not_found(plan: Plan, client: Client) -> None:
    client.force_login(user("leader"))
    assert client.get("/oversight/plans/nope/bulletin/").status_code == 404
