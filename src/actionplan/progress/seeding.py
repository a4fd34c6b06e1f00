"""The reporting history of the demo: quarterly periods for the embedded
Guangzhou plan and a few quarters of reports by the demo units — some
approved, one returned and resubmitted, one referred to the leading group,
one waiting for review, one draft — while 市文化广电旅游局 has not reported
at all (an overdue unit).

The report texts are illustrative (示例填报) and say so; they report no
figures, so no number is invented. A second run changes nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from actionplan.plans.models import Plan, Task, Unit
from actionplan.progress.models import Period, Report, WorkStatus
from actionplan.progress.services.periods import set_schedule
from actionplan.progress.services.reports import (
    ReportInput,
    approve_report,
    open_report,
    return_report,
    save_report,
    submit_report,
)

MARK = "（示例填报 · illustrative）"


@dataclass(frozen=True)
class Step:
    unit: str
    username: str
    task: str
    quarter: str
    outcome: str  # approved, resubmitted, escalated, submitted, draft
    percent: int
    done: str


STEPS = (
    Step("市港务局", "port", "18", "2019 Q1", "approved", 20, "南沙港区四期工程码头主体施工推进。"),
    Step("市港务局", "port", "18", "2019 Q2", "approved", 40, "南沙港区四期工程堆场建设推进。"),
    Step("市港务局", "port", "18", "2019 Q3", "approved", 60, "南沙港区四期工程设备安装启动。"),
    Step("市港务局", "port", "18", "2019 Q4", "submitted", 75, "南沙港区四期工程进入调试阶段。"),
    Step("市港务局", "port", "2", "2019 Q1", "approved", 25, "配合推进“一带一路”航运合作项目。"),
    Step("市港务局", "port", "2", "2019 Q2", "approved", 50, "新开国际集装箱班轮航线的前期对接。"),
    Step(
        "广州空港经济区管委会", "airport", "18", "2019 Q1", "approved", 15, "第三航站楼前期工作。"
    ),
    Step(
        "广州空港经济区管委会",
        "airport",
        "18",
        "2019 Q2",
        "resubmitted",
        30,
        "第三航站楼设计深化。",
    ),
    Step(
        "广州空港经济区管委会", "airport", "18", "2019 Q3", "escalated", 35, "第三航站楼报批推进。"
    ),
    Step("广州空港经济区管委会", "airport", "18", "2019 Q4", "draft", 40, "第三航站楼报批推进。"),
)
RETURN_COMMENT = (
    "请补充本季度工作的具体进展和佐证材料。Please add the quarter's concrete progress and evidence."
)
ESCALATION = "第三航站楼用地和报批涉及多个部门，需提请领导小组协调。"


def load_reporting_history(plan: Plan) -> int:
    """Quarterly periods for ``plan`` and the demo reports; the number of
    reports created (0 when they exist already)."""
    with transaction.atomic():
        periods = {p.label: p for p in set_schedule(None, plan, "quarter", 10)}
        if Report.objects.filter(period__plan=plan).exists():
            return 0
        users = get_user_model().objects.filter(username__in={"coordinator", "port", "airport"})
        by_name = {u.get_username(): u for u in users}
        coordinator = by_name.get("coordinator")
        created = 0
        for step in STEPS:
            reporter = by_name.get(step.username)
            unit = Unit.objects.filter(name_zh=step.unit).first()
            task = Task.objects.current().filter(plan=plan, number=step.task).first()
            if reporter is None or unit is None or task is None:
                continue
            _play(step, periods[step.quarter], unit, task, reporter, coordinator)
            created += 1
    return created


def _play(
    step: Step, period: Period, unit: Unit, task: Task, reporter: object, coordinator: object
) -> None:
    report = open_report(reporter, period, unit, task)
    escalate = step.outcome == "escalated"
    data = ReportInput(
        status=WorkStatus.STALLED if escalate else WorkStatus.IN_PROGRESS,
        percent_complete=step.percent,
        done=f"{step.done}{MARK}",
        problems=ESCALATION if escalate else "",
        escalate=escalate,
        next_steps="按计划推进下一阶段工作。",
    )
    report = save_report(reporter, report, data, report.version)
    if step.outcome == "draft":
        return
    report = submit_report(reporter, report, report.version)
    if step.outcome == "resubmitted":
        report = return_report(coordinator, report, RETURN_COMMENT)
        report = save_report(reporter, report, data, report.version)
        report = submit_report(reporter, report, report.version)
    if step.outcome in ("approved", "resubmitted"):
        report = approve_report(coordinator, report)
    # Dates as the history would have them: submitted within the due window.
    on_time = period.end + datetime.timedelta(days=5)
    moment = datetime.datetime.combine(on_time, datetime.time(10), tzinfo=datetime.UTC)
    Report.objects.filter(pk=report.pk).update(
        submitted_at=moment,
        reviewed_at=moment + datetime.timedelta(days=2) if report.reviewed_at else None,
    )
