"""Two people saving the same report or figure: the second is told what
changed, nothing is overwritten, and what the second typed is handed back."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import User

from actionplan.plans.models import Indicator, Task, Unit
from actionplan.progress.models import Period, Report
from actionplan.progress.services.conflicts import EditConflict
from actionplan.progress.services.figures import FigureInput, edit_figure, report_figure
from actionplan.progress.services.reports import ReportInput, open_report, save_report


def test_the_second_save_of_a_report_conflicts_and_loses_nothing(
    bob: User, port_authority: Unit, task18: Task, q1_2019: Period
) -> None:
    report = open_report(bob, q1_2019, port_authority, task18)
    opened_at = report.version  # both open the same version
    first = ReportInput(percent_complete=40, done="第一人填写的进展")
    second = ReportInput(percent_complete=55, done="第二人填写的进展")
    save_report(bob, report, first, opened_at)

    with pytest.raises(EditConflict) as raised:
        save_report(bob, report, second, opened_at)

    stored = Report.objects.get(pk=report.pk)
    assert (stored.percent_complete, stored.done) == (40, "第一人填写的进展")
    assert raised.value.yours["done"] == "第二人填写的进展"
    changed = {c.field: (c.before, c.after) for c in raised.value.changes}
    assert changed["done"] == ("", "第一人填写的进展")
    assert changed["percent_complete"] == (0, 40)
    assert raised.value.changed_by == "bob"

    # The second person reviews the change and saves on top of it.
    save_report(bob, report, second, stored.version)
    assert Report.objects.get(pk=report.pk).done == "第二人填写的进展"
    assert report.history.count() == 3  # opened, first save, second save: nothing lost


def test_the_second_save_of_a_figure_conflicts(
    bob: User, port_authority: Unit, passengers: Indicator
) -> None:
    year = (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))
    figure = report_figure(
        bob, port_authority, passengers, FigureInput("73390000", year[0], year[1])
    )
    edit_figure(bob, figure, FigureInput("73400000", year[0], year[1]), figure.version)
    with pytest.raises(EditConflict) as raised:
        edit_figure(bob, figure, FigureInput("73500000", year[0], year[1]), figure.version)
    figure.refresh_from_db()
    assert figure.value == 73_400_000
    assert raised.value.yours["value"] == "73500000"
