"""``actionplan remind`` (催办): one email per unit, period and stage, never
twice; a dry run sends and records nothing; a failed sending is tried again."""

from __future__ import annotations

import datetime
import smtplib
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend

from actionplan.cli import main
from actionplan.plans.models import Membership, Role, Task, Unit
from actionplan.progress.models import Period, Reminder, ReminderStage, Report
from actionplan.progress.services.reports import open_report, submit_report

BEFORE_DUE = "2019-04-08"  # 2019 Q1 falls due on 2019-04-10
AFTER_DUE = "2019-04-11"


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Any) -> int:
        raise smtplib.SMTPServerDisconnected("mail server gone")


@pytest.fixture
def setting(
    settings: Any, periods: list[Period], task18: Task, cora: User, bob: User
) -> list[Period]:
    """Task 18 with 市港务局 (Bob, no email address) leading and 白云国际机场
    (Cora, cora@example.org) cooperating; 2018 is locked, so only 2019 is
    open."""
    settings.ACTIONPLAN_SITE_URL = "https://plans.example.gov/"
    Period.objects.filter(end__lt=datetime.date(2019, 1, 1)).update(locked=True)
    return periods


def remind(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["remind", *args])
    return code, capsys.readouterr().out


def test_a_unit_gets_one_email_when_reports_fall_due_soon_and_never_twice(
    setting: list[Period], capsys: pytest.CaptureFixture[str], airport: Unit
) -> None:
    code, out = remind(capsys, "--today", BEFORE_DUE)
    assert code == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["cora@example.org"]
    assert "2019 Q1" in message.subject and "2019-04-10" in message.subject
    reminder = Reminder.objects.get()
    assert (reminder.unit, reminder.period.label, reminder.stage) == (
        airport,
        "2019 Q1",
        ReminderStage.DUE_SOON,
    )
    assert "due soon: 1 sent, 0 skipped as already sent" in out

    code, out = remind(capsys, "--today", "2019-04-09")
    assert len(mail.outbox) == 1
    assert Reminder.objects.count() == 1
    assert "due soon: 0 sent, 1 skipped as already sent" in out


def test_all_reporters_of_a_unit_share_its_one_email(
    setting: list[Period], capsys: pytest.CaptureFixture[str], airport: Unit
) -> None:
    colleague = User.objects.create_user("carl", email="carl@example.org")
    Membership.objects.create(user=colleague, role=Role.REPORTER, unit=airport)
    gone = User.objects.create_user("gus", email="gus@example.org", is_active=False)
    Membership.objects.create(user=gone, role=Role.REPORTER, unit=airport)
    remind(capsys, "--today", BEFORE_DUE)
    assert [m.to for m in mail.outbox] == [["carl@example.org", "cora@example.org"]]
    assert Reminder.objects.get().recipients.split() == ["carl@example.org", "cora@example.org"]


def test_the_email_is_in_chinese_then_english_lists_the_tasks_and_links_to_the_unit(
    setting: list[Period], capsys: pytest.CaptureFixture[str], airport: Unit
) -> None:
    remind(capsys, "--today", BEFORE_DUE)
    body = mail.outbox[0].body
    assert "18. 建设通达高效的国际综合交通枢纽" in body
    assert "2019-04-10" in body
    chinese, english = body.split("----------")
    assert "白云国际机场" in chinese
    assert "Baiyun International Airport" in english
    link = f"https://plans.example.gov/progress/plans/sample/completeness/units/{airport.pk}/"
    assert link in chinese and link in english
    assert mail.outbox[0].subject.startswith("[actionplan] ")
    assert "白云国际机场" in mail.outbox[0].subject


def test_an_overdue_period_brings_a_second_stage_once(
    setting: list[Period], capsys: pytest.CaptureFixture[str]
) -> None:
    remind(capsys, "--today", BEFORE_DUE)
    code, out = remind(capsys, "--today", AFTER_DUE)
    assert code == 0
    assert len(mail.outbox) == 2
    assert "overdue: 1 sent" in out
    remind(capsys, "--today", "2019-04-12")
    assert len(mail.outbox) == 2
    assert sorted(Reminder.objects.values_list("stage", flat=True)) == ["due_soon", "overdue"]


def test_nothing_is_sent_before_the_window_nor_for_a_fully_submitted_unit(
    setting: list[Period],
    capsys: pytest.CaptureFixture[str],
    airport: Unit,
    task18: Task,
) -> None:
    remind(capsys, "--today", "2019-04-06")  # more than three days ahead
    assert mail.outbox == []
    remind(capsys, "--today", "2019-04-06", "--days", "5")
    assert len(mail.outbox) == 1
    mail.outbox.clear()
    Reminder.objects.all().delete()
    q1 = next(p for p in setting if p.label == "2019 Q1")
    report = open_report(None, q1, airport, task18, task18.measures.get(number="18.2"))
    submit_report(None, report, report.version)
    remind(capsys, "--today", AFTER_DUE)
    assert mail.outbox == []


def test_a_unit_without_an_address_is_listed(
    setting: list[Period], capsys: pytest.CaptureFixture[str]
) -> None:
    _code, out = remind(capsys, "--today", BEFORE_DUE)
    assert any("no address" in line and "市港务局" in line for line in out.splitlines())
    assert "1 with no address" in out
    assert not Reminder.objects.filter(unit__name_zh="市港务局").exists()


def test_a_dry_run_sends_and_records_nothing(
    setting: list[Period], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = remind(capsys, "--today", AFTER_DUE, "--dry-run")
    assert code == 0
    assert mail.outbox == []
    assert not Reminder.objects.exists()
    assert "would send" in out and "cora@example.org" in out
    assert "overdue: 1 would send" in out


def test_a_failed_sending_leaves_no_record_and_is_tried_again(
    setting: list[Period], capsys: pytest.CaptureFixture[str], settings: Any
) -> None:
    settings.EMAIL_BACKEND = "tests.progress.test_remind.FailingBackend"
    code, out = remind(capsys, "--today", BEFORE_DUE)
    assert code == 1
    assert not Reminder.objects.exists()
    assert "mail server gone" in out and "1 failed" in out

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    code, out = remind(capsys, "--today", "2019-04-09")
    assert code == 0
    assert len(mail.outbox) == 1
    assert Reminder.objects.count() == 1


def test_reports_submitted_count_and_drafts_do_not(
    setting: list[Period],
    capsys: pytest.CaptureFixture[str],
    airport: Unit,
    task18: Task,
) -> None:
    q1 = next(p for p in setting if p.label == "2019 Q1")
    open_report(None, q1, airport, task18)  # a draft is not a report
    remind(capsys, "--today", AFTER_DUE)
    assert len(mail.outbox) == 1
    assert Report.objects.filter(submitted_at__isnull=False).count() == 0


def test_bad_arguments_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["--days", "-1"], ["--today", "1 April"]):
        with pytest.raises(SystemExit):
            main(["remind", *args])
    assert "remind" in capsys.readouterr().err
