"""Stored statuses stay current: an approval refreshes the indicators it
touches (and only those) when it commits; ``refresh-statuses`` rebuilds every
row; the dashboard for today reads the stored rows."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from tests.oversight.test_dashboard_views import dashboard_url, verdict_statuses
from tests.plans.conftest import alice, bob, plan, port_authority
from tests.plans.views_support import GuangzhouSite, guangzhou_site, site
from tests.progress.conftest import airport, passengers, periods, q1_2019, task18

from actionplan import engine
from actionplan.cli import main
from actionplan.oversight.models import IndicatorStatus
from actionplan.oversight.refresh import refresh_plan
from actionplan.oversight.services import evaluate_indicator
from actionplan.plans.models import Indicator, Plan, Unit
from actionplan.plans.services.observations import record_observation
from actionplan.progress.models import Period
from actionplan.progress.services.figures import FigureInput, report_figure
from actionplan.progress.services.reports import approve_report, open_report, submit_report

__all__ = [
    "airport",
    "alice",
    "bob",
    "guangzhou_site",
    "passengers",
    "periods",
    "plan",
    "port_authority",
    "q1_2019",
    "site",
    "task18",
]

Capture = Callable[..., Any]


def stamps(plan: Plan) -> dict[int, datetime.datetime]:
    return dict(
        IndicatorStatus.objects.filter(indicator__plan=plan).values_list(
            "indicator_id", "computed_at"
        )
    )


def test_approving_a_report_refreshes_its_figures_indicators_only(
    alice: User,
    bob: User,
    port_authority: Unit,
    passengers: Indicator,
    q1_2019: Period,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    today = timezone.localdate()
    plan = passengers.plan
    assert refresh_plan(plan, today) == Indicator.objects.current().filter(plan=plan).count()
    # A stale row: the approval must replace it.
    IndicatorStatus.objects.filter(indicator=passengers).update(
        status=engine.Status.ACHIEVED, latest_value=1.0, latest_year=1999
    )
    before = stamps(plan)

    report = open_report(bob, q1_2019, port_authority, passengers.task)
    report_figure(
        bob,
        port_authority,
        passengers,
        FigureInput(
            value="17000000",
            period_start=datetime.date(2019, 1, 1),
            period_end=datetime.date(2019, 3, 31),
            source_title="月报",
        ),
        report=report,
    )
    report = submit_report(bob, report, report.version)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        approve_report(alice, report)
    assert len(callbacks) == 1

    after = stamps(plan)
    assert after[passengers.pk] > before[passengers.pk]
    others = {pk: at for pk, at in before.items() if pk != passengers.pk}
    assert {pk: after[pk] for pk in others} == others
    row = IndicatorStatus.objects.get(indicator=passengers)
    live = evaluate_indicator(passengers, today)
    assert (row.as_of, row.status) == (today, live.status)
    assert row.latest_year != 1999


def test_recording_an_approved_figure_refreshes_its_indicator(
    passengers: Indicator, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        record_observation(
            None,
            passengers,
            value="69000000",
            period_start=datetime.date(2018, 1, 1),
            period_end=datetime.date(2018, 12, 31),
            source_quality="official",
        )
    row = IndicatorStatus.objects.get(indicator=passengers)
    assert (row.latest_year, row.latest_value) == (2018, 69_000_000)
    assert IndicatorStatus.objects.count() == 1  # without recomputing the world


def test_the_command_rebuilds_every_row(plan: Plan, capsys: pytest.CaptureFixture[str]) -> None:
    today = timezone.localdate()
    refresh_plan(plan, today - datetime.timedelta(days=1))
    some = Indicator.objects.current().filter(plan=plan).order_by("id").first()
    assert some is not None
    IndicatorStatus.objects.filter(indicator=some).delete()

    assert main(["refresh-statuses", "--plan", plan.code]) == 0
    count = Indicator.objects.current().filter(plan=plan).count()
    assert f"{plan.code}: {count} indicator statuses as of {today.isoformat()}" in (
        capsys.readouterr().out
    )
    assert IndicatorStatus.objects.filter(indicator__plan=plan, as_of=today).count() == count
    assert main(["refresh-statuses", "--plan", "nosuchplan"]) == 2


def test_the_dashboard_for_today_reads_the_stored_rows(site: GuangzhouSite, client: Any) -> None:
    client.force_login(site.lee)
    assert client.get(dashboard_url(site)).status_code == 200
    # The first view stored a row for every indicator.
    current = Indicator.objects.current().filter(plan=site.plan)
    today = timezone.localdate()
    assert IndicatorStatus.objects.filter(indicator__in=current, as_of=today).count() == (
        current.count()
    )
    indicator = site.airport
    IndicatorStatus.objects.filter(indicator=indicator).update(status=engine.Status.OFF_TRACK)

    html = client.get(dashboard_url(site)).content.decode()
    assert verdict_statuses(html)[indicator.code] == engine.Status.OFF_TRACK.slug
    yesterday = (today - datetime.timedelta(days=1)).isoformat()
    live = client.get(dashboard_url(site, yesterday)).content.decode()
    assert verdict_statuses(live)[indicator.code] != engine.Status.OFF_TRACK.slug
