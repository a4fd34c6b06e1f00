"""Who may read, who may write, who is refused — every view and action of
progress reporting, for every kind of user, in one table.

Users (tests/progress/conftest.py): alice the coordinator; bob of the lead
unit of task 18; cora of a unit cooperating on task 18; uma of an unrelated
unit; dora the leader; charlie with no role; an anonymous visitor.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from tests.progress.responses import close_quietly

from actionplan.plans.models import Indicator, Observation, Task, Unit
from actionplan.progress.models import Evidence, Period, Report
from actionplan.progress.services.evidence import add_evidence
from actionplan.progress.services.figures import FigureInput, report_figure
from actionplan.progress.services.reports import open_report, submit_report

USERS = ("alice", "bob", "cora", "uma", "dora", "charlie", "anonymous")
LOGIN = 302  # anonymous visitors are sent to sign in


@dataclass
class Scene:
    figure: Observation  # bob's figure for 2019, a draft
    waiting_figure: Observation  # bob's figure for 2018, submitted on its own
    draft: Report  # bob's report for 2019 Q1, a draft
    submitted: Report  # bob's report for 2019 Q2, waiting for review
    evidence: Evidence
    period: Period
    task: Task
    unit: Unit
    indicator: Indicator


@pytest.fixture
def scene(
    alice: User,
    bob: User,
    cora: User,
    uma: User,
    dora: User,
    charlie: User,
    port_authority: Unit,
    task18: Task,
    passengers: Indicator,
    periods: list[Period],
    settings: object,
    tmp_path: object,
) -> Scene:
    settings.EVIDENCE_ROOT = tmp_path  # type: ignore[attr-defined]
    q1, q2, q3 = (next(p for p in periods if p.label == f"2019 Q{n}") for n in (1, 2, 3))
    draft = open_report(bob, q1, port_authority, task18)
    evidence = add_evidence(
        bob, draft, SimpleUploadedFile("会议纪要.pdf", b"%PDF-1.4 minutes", "application/pdf")
    )
    submitted = open_report(bob, q2, port_authority, task18)
    submitted = submit_report(bob, submitted, submitted.version)
    year = (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))
    figure = report_figure(bob, port_authority, passengers, FigureInput("73390000", *year))
    waiting = report_figure(
        bob,
        port_authority,
        passengers,
        FigureInput("69740000", datetime.date(2018, 1, 1), datetime.date(2018, 12, 31)),
        submit=True,
    )
    return Scene(
        figure, waiting, draft, submitted, evidence, q3, task18, port_authority, passengers
    )


@dataclass(frozen=True)
class Action:
    name: str
    method: str
    url: str  # a format string over the scene
    data: dict[str, str]
    allowed: dict[str, int]  # status per user; everyone else gets 403

    def expected(self, user: str) -> int:
        if user == "anonymous":
            return LOGIN
        return self.allowed.get(user, 403)


READERS = {u: 200 for u in ("alice", "bob", "cora", "uma", "dora")}

ACTIONS = [
    Action("home", "get", "progress:home", {}, READERS),
    Action("report page", "get", "progress:report_detail {draft}", {}, READERS),
    Action("evidence file", "get", "progress:evidence_download {evidence}", {}, READERS),
    Action("periods", "get", "progress:period_list {plan}", {}, READERS),
    Action(
        "open a report", "post", "progress:report_open {period} {task} {unit}", {}, {"bob": 302}
    ),
    Action("edit form", "get", "progress:report_edit {draft}", {}, {"bob": 200}),
    Action(
        "save a report",
        "post",
        "progress:report_edit {draft}",
        {"status": "in_progress", "percent_complete": "20", "version": "{version}"},
        {"bob": 302},
    ),
    Action("submit", "post", "progress:report_submit {draft}", {}, {"bob": 302}),
    Action(
        "attach evidence",
        "post",
        "progress:evidence_upload {draft}",
        {"file": "pdf"},
        {"bob": 302},
    ),
    Action("figure form", "get", "progress:figure_new {indicator}", {}, {"bob": 200, "cora": 200}),
    Action(
        "report a figure",
        "post",
        "progress:figure_new {indicator}",
        {
            "value": "73390000",
            "period_start": "2019-01-01",
            "period_end": "2019-12-31",
            "qualifier": "exact",
            "source_quality": "official",
        },
        {"bob": 302, "cora": 302},
    ),
    Action("review queue", "get", "progress:queue", {}, {"alice": 200}),
    Action(
        "approve",
        "post",
        "progress:report_review {submitted}",
        {"decision": "approve"},
        {"alice": 302},
    ),
    Action(
        "return",
        "post",
        "progress:report_review {submitted}",
        {"decision": "return", "comment": "请补充"},
        {"alice": 302},
    ),
    Action("figure page", "get", "progress:figure_edit {figure}", {}, {"bob": 200}),
    Action("submit a figure", "post", "progress:figure_submit {figure}", {}, {"bob": 302}),
    Action(
        "approve a figure",
        "post",
        "progress:figure_review {waiting_figure}",
        {"decision": "approve"},
        {"alice": 302},
    ),
    Action("who has reported", "get", "progress:completeness {plan}", {}, READERS),
    Action(
        "a unit's reporting",
        "get",
        "progress:unit_completeness {plan} {unit}",
        {},
        {"alice": 200, "dora": 200, "bob": 200},
    ),
    Action(
        "download the workbook",
        "get",
        "progress:workbook_download {unit} {period}",
        {},
        {"alice": 200, "bob": 200},
    ),
    Action("upload page", "get", "progress:workbook_upload {unit} {period}", {}, {"bob": 200}),
    Action(
        "lock a period", "post", "progress:period_lock {period}", {"locked": "1"}, {"alice": 302}
    ),
]


def _url(action: Action, scene: Scene) -> str:
    name, *args = action.url.split()
    values = {
        "draft": scene.draft.pk,
        "figure": scene.figure.pk,
        "waiting_figure": scene.waiting_figure.pk,
        "submitted": scene.submitted.pk,
        "evidence": scene.evidence.pk,
        "period": scene.period.pk,
        "task": scene.task.pk,
        "unit": scene.unit.pk,
        "indicator": scene.indicator.pk,
        "plan": scene.task.plan.code,
    }
    return reverse(name, args=[str(a).format(**values) for a in args])


@pytest.mark.parametrize("user", USERS)
@pytest.mark.parametrize("action", ACTIONS, ids=[a.name for a in ACTIONS])
def test_access(action: Action, user: str, scene: Scene, client: Client) -> None:
    if user != "anonymous":
        client.force_login(User.objects.get(username=user))
    data: dict[str, object] = {
        k: v.format(version=scene.draft.version) for k, v in action.data.items()
    }
    if data.get("file") == "pdf":
        data["file"] = SimpleUploadedFile("a.pdf", b"%PDF-1.4 x", "application/pdf")
    before = (Report.objects.count(), Evidence.objects.count())
    url = _url(action, scene)
    response = getattr(client, action.method)(url, data)
    if getattr(response, "streaming", False):
        # Close the served file, not the response: closing a response sends
        # request_finished, which drops the test's database connection.
        close_quietly(response)
    assert response.status_code == action.expected(user), (action.name, user)
    if user not in action.allowed and action.method == "post":
        # A refused write changes nothing.
        assert (Report.objects.count(), Evidence.objects.count()) == before
        scene.draft.refresh_from_db()
        scene.submitted.refresh_from_db()
        assert (scene.draft.state, scene.draft.version) == ("draft", 1)
        assert scene.submitted.state == "submitted"
        scene.figure.refresh_from_db()
        scene.waiting_figure.refresh_from_db()
        assert (scene.figure.state, scene.waiting_figure.state) == ("draft", "submitted")
