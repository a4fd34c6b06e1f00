"""Every rule a reported figure must pass: each refused with a message that
names the field and the rule, and nothing written."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import translation

from actionplan.plans.models import Indicator, Observation, SourceQuality, Unit
from actionplan.plans.services.observations import record_observation
from actionplan.progress.models import FigureRule
from actionplan.progress.services.figures import (
    FigureErrors,
    FigureInput,
    NeedsConfirmation,
    report_figure,
)

Y2019 = (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))


def figure(
    value: str, period: tuple[datetime.date, datetime.date] = Y2019, **extra: object
) -> FigureInput:
    return FigureInput(value=value, period_start=period[0], period_end=period[1], **extra)  # type: ignore[arg-type]


def refused(bob: User, unit: Unit, indicator: Indicator, data: FigureInput) -> dict[str, list[str]]:
    before = Observation.objects.count()
    with pytest.raises(FigureErrors) as raised:
        report_figure(bob, unit, indicator, data)
    assert Observation.objects.count() == before
    return raised.value.errors


@pytest.fixture
def approved_2018(passengers: Indicator) -> Observation:
    return record_observation(
        None,
        passengers,
        value="69740000",
        period_start=datetime.date(2018, 1, 1),
        period_end=datetime.date(2018, 12, 31),
        source_quality=SourceQuality.OFFICIAL,
    )


@pytest.mark.parametrize("text", ["N/A", "约80", "8000万左右", "eighty", "--"])
def test_a_number_is_due_not_words(
    bob: User, port_authority: Unit, passengers: Indicator, text: str
) -> None:
    errors = refused(bob, port_authority, passengers, figure(text))
    assert list(errors) == ["value"]
    assert "not a number" in errors["value"][0] and text in errors["value"][0]


def test_magnitude_words_are_read_and_shown_back_for_confirmation(
    bob: User, port_authority: Unit, passengers: Indicator
) -> None:
    with pytest.raises(NeedsConfirmation) as raised:
        report_figure(bob, port_authority, passengers, figure("8千万"))
    assert raised.value.value == Decimal(80_000_000)
    assert "80,000,000" in str(raised.value)
    assert not Observation.objects.filter(unit=port_authority).exists()
    saved = report_figure(bob, port_authority, passengers, figure("8千万", confirmed=True))
    assert saved.value == Decimal(80_000_000)


def test_counts_are_whole_and_not_negative(
    bob: User, port_authority: Unit, passengers: Indicator
) -> None:
    errors = refused(bob, port_authority, passengers, figure("-5"))
    assert errors["value"] == ["Value: a count or amount cannot be negative."]
    errors = refused(bob, port_authority, passengers, figure("12.5"))
    assert "whole number" in errors["value"][0]


def test_shares_lie_within_0_and_100(
    bob: User, port_authority: Unit, passengers: Indicator
) -> None:
    passengers.unit, passengers.kind = "%", "share"
    passengers.save()
    errors = refused(bob, port_authority, passengers, figure("123"))
    assert "at most 100" in errors["value"][0]


def test_a_cumulative_indicator_never_falls(
    bob: User, port_authority: Unit, passengers: Indicator, approved_2018: Observation
) -> None:
    FigureRule.objects.create(indicator=passengers, cumulative=True, whole_number=True)
    errors = refused(bob, port_authority, passengers, figure("69000000"))
    assert "cannot fall below the last approved figure, 69740000" in errors["value"][0]


def test_a_jump_needs_an_explanation(
    bob: User, port_authority: Unit, passengers: Indicator, approved_2018: Observation
) -> None:
    errors = refused(bob, port_authority, passengers, figure("697400000"))
    assert list(errors) == ["explanation"]
    assert "more than 3 times" in errors["explanation"][0]
    saved = report_figure(
        bob, port_authority, passengers, figure("697400000", explanation="口径调整为含中转旅客")
    )
    assert saved.explanation


def test_the_period_lies_in_the_plan_span(
    bob: User, port_authority: Unit, passengers: Indicator
) -> None:
    errors = refused(
        bob,
        port_authority,
        passengers,
        figure("1000", (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))),
    )
    assert errors["period_start"] == ["Period: must lie within the plan's span, 2017–2020."]


def test_a_rule_for_the_unit_of_measure_applies_to_its_indicators(
    bob: User, port_authority: Unit, passengers: Indicator
) -> None:
    FigureRule.objects.create(unit_of_measure="人次", minimum=Decimal(1000))
    errors = refused(bob, port_authority, passengers, figure("10"))
    assert errors["value"] == ["Value: must be at least 1000."]


def test_messages_come_in_chinese_too(
    bob: User, port_authority: Unit, passengers: Indicator
) -> None:
    with translation.override("zh-hans"):
        errors = refused(bob, port_authority, passengers, figure("-5"))
    assert errors["value"][0] != "Value: a count or amount cannot be negative."
    assert "数值" in errors["value"][0]


def test_a_quarter_is_compared_with_quarters_not_with_a_year(
    bob: User, port_authority: Unit, passengers: Indicator, approved_2018: Observation
) -> None:
    q1 = (datetime.date(2019, 1, 1), datetime.date(2019, 3, 31))
    saved = report_figure(bob, port_authority, passengers, figure("17000000", q1))
    assert saved.value == 17_000_000  # a quarter of the 2018 year is no jump


def test_a_figure_joins_only_a_report_on_its_task_and_period(
    bob: User, port_authority: Unit, passengers: Indicator, task18: object, q1_2019: object
) -> None:
    from actionplan.progress.services.reports import open_report

    report = open_report(bob, q1_2019, port_authority, task18)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="its own task whose period"):
        report_figure(bob, port_authority, passengers, figure("73390000"), report=report)
    assert not report.observations.exists()
