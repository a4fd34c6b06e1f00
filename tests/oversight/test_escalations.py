"""The escalations list (报请领导小组) on the embedded Guangzhou data: each
kind of item with its owners and age, marking handled (the leader and the
coordinator office only, with a note), handled items shown apart, and the
notes' history."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import translation
from tests.plans.views_support import GuangzhouSite, guangzhou_site, site

from actionplan.oversight.escalation_models import EscalationNote
from actionplan.oversight.escalations import Escalations, Item, gather, mark_handled
from actionplan.plans.models import Indicator, Measure, Milestone, Task
from actionplan.progress.models import Report
from actionplan.progress.services.periods import set_schedule
from actionplan.progress.services.reports import (
    ReportInput,
    open_report,
    save_report,
    submit_report,
)

__all__ = ["guangzhou_site", "site"]  # fixtures used by the tests below

AIRPORT_UNIT = "广州空港经济区管委会"
TRANSPORT = "市交通运输局"  # the lead unit of task 18
PROBLEM = "第三航站楼用地报批需领导小组协调"


def url(site: GuangzhouSite, query: str = "") -> str:
    return f"/oversight/plans/{site.plan.code}/escalations/{query}"


def english(client: Client, address: str) -> str:
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get(address)
    assert response.status_code == 200
    return response.content.decode()


def by_key(found: Escalations) -> dict[str, Item]:
    return {item.key: item for item in found.items}


@pytest.fixture
def escalated(site: GuangzhouSite) -> Report:
    """Bob refers the terminal's land approval to the leading group on 5 Oct 2019."""
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


@pytest.fixture
def overdue(site: GuangzhouSite) -> dict[str, Any]:
    """A milestone of 2019 not done, task 18 due 30 June 2019, measure 18.3
    (the airport authority's) due 31 May 2019."""
    task = site.airport_task
    milestone = Milestone.objects.create(
        plan=site.plan,
        introduced_in=task.introduced_in,
        task=task,
        title="白云国际机场第三航站楼开工",
        year=2019,
    )
    Task.objects.filter(pk=task.pk).update(deadline=datetime.date(2019, 6, 30))
    measure = Measure.objects.get(task=task, number="18.3")
    Measure.objects.filter(pk=measure.pk).update(deadline=datetime.date(2019, 5, 31))
    return {"milestone": milestone, "task": task, "measure": measure}


def test_a_problem_flagged_in_a_report_appears_with_its_unit_and_age(
    site: GuangzhouSite, escalated: Report
) -> None:
    found = gather(site.plan, datetime.date(2019, 12, 31))
    item = by_key(found)[f"report:{escalated.pk}"]
    assert item.kind == "report"
    assert [u.name_zh for u in item.units] == [AIRPORT_UNIT]
    assert item.age_days == 87  # 5 Oct to 31 Dec 2019
    assert item.url == f"/progress/reports/{escalated.pk}/"
    assert item.detail == PROBLEM
    # Not before it was submitted.
    assert f"report:{escalated.pk}" not in by_key(gather(site.plan, datetime.date(2019, 10, 1)))


def test_a_binding_target_not_met_appears_with_its_units_and_age(site: GuangzhouSite) -> None:
    assert gather(site.plan, datetime.date(2021, 3, 31)).items == []  # nothing binding yet
    Indicator.objects.filter(pk=site.airport.pk).update(binding=True)
    with translation.override("en"):
        found = gather(site.plan, datetime.date(2021, 3, 31))
    item = by_key(found)[f"target:{site.airport.pk}"]
    assert item.kind == "target"
    assert item.title == site.airport.name
    units = [u.name_zh for u in item.units]
    assert units[0] == TRANSPORT and AIRPORT_UNIT in units  # lead unit first
    assert item.age_days == 90  # since 31 Dec 2020
    assert "not met" in item.detail and "54.7%" in item.detail
    # At the end of 2019 it is at risk, not off track: not on the list.
    assert f"target:{site.airport.pk}" not in by_key(gather(site.plan, datetime.date(2019, 12, 31)))


def test_overdue_milestones_tasks_and_measures_appear_after_n_days(
    site: GuangzhouSite, overdue: dict[str, Any]
) -> None:
    milestone, task, measure = overdue["milestone"], overdue["task"], overdue["measure"]
    found = by_key(gather(site.plan, datetime.date(2020, 3, 31), after_days=30))
    item = found[f"milestone:{milestone.pk}"]
    assert item.age_days == 91  # since 31 Dec 2019
    assert item.units[0].name_zh == TRANSPORT
    item = found[f"task:{task.pk}"]
    assert item.age_days == 275  # since 30 June 2019
    assert item.url == f"/tasks/{task.pk}/"
    item = found[f"measure:{measure.pk}"]
    assert [u.name_zh for u in item.units] == [AIRPORT_UNIT]
    assert item.age_days == 305
    # 20 days after the year's end the milestone is not yet overdue by 30.
    early = by_key(gather(site.plan, datetime.date(2020, 1, 20), after_days=30))
    assert f"milestone:{milestone.pk}" not in early
    assert f"task:{task.pk}" in early


def test_the_number_of_days_comes_from_the_settings(
    site: GuangzhouSite, overdue: dict[str, Any], settings: Any
) -> None:
    milestone = overdue["milestone"]
    settings.ACTIONPLAN_ESCALATE_AFTER_DAYS = 100
    found = gather(site.plan, datetime.date(2020, 3, 31))
    assert found.after_days == 100
    assert f"milestone:{milestone.pk}" not in by_key(found)
    settings.ACTIONPLAN_ESCALATE_AFTER_DAYS = 30
    assert f"milestone:{milestone.pk}" in by_key(gather(site.plan, datetime.date(2020, 3, 31)))


def test_a_report_saying_done_clears_an_overdue_task(
    site: GuangzhouSite, overdue: dict[str, Any]
) -> None:
    task = overdue["task"]
    periods = set_schedule(None, site.plan, "quarter", 10)
    q2 = next(p for p in periods if p.label == "2019 Q2")
    report = open_report(site.bob, q2, site.airport_unit, site.airport_task)
    report = save_report(site.bob, report, ReportInput(status="done", percent_complete=100), 1)
    submit_report(site.bob, report, report.version)
    found = by_key(gather(site.plan, datetime.date.today(), after_days=30))
    assert f"task:{task.pk}" not in found
    # A done task settles its measures too.
    assert f"measure:{overdue['measure'].pk}" not in found


# --- Marking handled --------------------------------------------------------------


def test_the_leader_marks_an_item_handled_and_it_moves_apart(
    site: GuangzhouSite, escalated: Report
) -> None:
    key = f"report:{escalated.pk}"
    note = mark_handled(site.lee, key, "  已提请领导小组会议协调用地。 ")
    assert note.note == "已提请领导小组会议协调用地。"
    assert note.handled_by == site.lee and note.kind == "report"
    found = gather(site.plan, datetime.date(2019, 12, 31))
    assert key not in {i.key for i in found.open}
    [handled] = found.handled
    assert handled.key == key and handled.note == note


def test_the_coordinator_may_mark_handled_too(site: GuangzhouSite, escalated: Report) -> None:
    mark_handled(site.alice, f"report:{escalated.pk}", "办公室已转呈。")
    assert EscalationNote.objects.get().handled_by == site.alice


def test_a_reporter_or_a_user_without_role_may_not(site: GuangzhouSite, escalated: Report) -> None:
    for user in (site.bob, site.charlie):
        with pytest.raises(PermissionDenied):
            mark_handled(user, f"report:{escalated.pk}", "自行处理")
    assert not EscalationNote.objects.exists()


def test_a_note_is_required_and_the_item_must_exist(site: GuangzhouSite, escalated: Report) -> None:
    with pytest.raises(ValidationError) as refused:
        mark_handled(site.lee, f"report:{escalated.pk}", "   ")
    assert "note" in refused.value.message_dict
    for key in ("report:999999", "nonsense", "target:x"):
        with pytest.raises(ValidationError):
            mark_handled(site.lee, key, "处理")
    assert not EscalationNote.objects.exists()


def test_the_history_of_a_note_is_kept(site: GuangzhouSite, escalated: Report) -> None:
    key = f"report:{escalated.pk}"
    mark_handled(site.alice, key, "办公室已转呈。")
    mark_handled(site.lee, key, "领导小组会议已协调。")
    note = EscalationNote.objects.get(key=key)
    assert note.note == "领导小组会议已协调。"
    rows = list(note.history.order_by("history_date"))
    assert [r.note for r in rows] == ["办公室已转呈。", "领导小组会议已协调。"]
    assert [r.history_user for r in rows] == [site.alice, site.lee]
    assert [r.history_change_reason for r in rows] == ["handled", "note changed"]


# --- The page ---------------------------------------------------------------------


def test_anonymous_is_sent_to_sign_in_and_no_role_is_refused(
    site: GuangzhouSite, client: Client
) -> None:
    response = client.get(url(site))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.force_login(site.charlie)
    assert client.get(url(site)).status_code == 403


@pytest.mark.parametrize(("who", "form"), [("alice", True), ("lee", True), ("bob", False)])
def test_every_role_reads_the_list_and_only_leader_and_coordinator_get_the_form(
    site: GuangzhouSite, client: Client, escalated: Report, who: str, form: bool
) -> None:
    client.force_login(getattr(site, who))
    html = english(client, url(site, "?as_of=2019-12-31"))
    part = html.split('data-testid="open-escalations"', 1)[1].split("</table>", 1)[0]
    row = re.search(rf'<tr data-key="report:{escalated.pk}".*?</tr>', part, re.S)
    assert row is not None
    assert AIRPORT_UNIT in row.group(0) and "87 days" in row.group(0)
    assert ('data-testid="mark-handled"' in html) is form


def test_marking_handled_through_the_page(
    site: GuangzhouSite, client: Client, escalated: Report
) -> None:
    key = f"report:{escalated.pk}"
    client.force_login(site.bob)
    assert client.post(url(site), {"key": key, "note": "自行处理"}).status_code == 403
    client.force_login(site.lee)
    english(client, url(site))
    response = client.post(url(site), {"key": key, "note": ""})
    assert response.status_code == 400
    assert "say how the item was handled" in response.content.decode()
    response = client.post(url(site), {"key": key, "note": "已协调", "next": url(site)})
    assert response.status_code == 302 and response["Location"] == url(site)
    html = english(client, url(site, "?show=handled"))
    part = html.split('data-testid="handled-escalations"', 1)[1].split("</table>", 1)[0]
    assert f'data-key="{key}"' in part and "已协调" in part
    assert 'data-testid="open-escalations"' not in html
    html = english(client, url(site))
    assert f'data-key="{key}"' not in html


def test_the_dashboard_links_to_the_list(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.lee)
    html = english(client, f"/oversight/plans/{site.plan.code}/")
    assert f'href="/oversight/plans/{site.plan.code}/escalations/?as_of=' in html
    assert f'href="/oversight/plans/{site.plan.code}/bulletin/"' in html
