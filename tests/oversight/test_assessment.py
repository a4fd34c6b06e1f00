"""The yearly assessment (考核): scores of a small made-up plan worked out by
hand, the snapshot recomputed to the same numbers, scheme versions, who may
run and read it, and the Guangzhou demo history.

The small plan (tests/plans/factories.py), assessed for 2019 — the reports
owed are those of the periods due in 2019 (2018 Q4, 2019 Q1–Q3):

- 市港务局 leads task 18: two targets at 90 % and 96 % (mean 93 %); no
  deadline; reports for Q1 (on time, returned once), Q2 (late) and Q3 (sent
  in January 2020: not known at the end of 2019);
- 白云国际机场 cooperates on measure 18.2 (deadline 30 June 2019, reported
  done on 20 June): the same targets, four reports on time, none returned;
- 市文化广电旅游局 leads task 3: no target, its milestone held on time, no
  report at all.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.test import Client
from tests.plans.conftest import alice, bob, charlie, dora, plan, port_authority

from actionplan.oversight.assessment import (
    default_scheme,
    recompute,
    revise_scheme,
    run_assessment,
    stored_scores,
)
from actionplan.oversight.assessment_models import Assessment, ScoringScheme
from actionplan.plans.models import (
    Indicator,
    Milestone,
    Observation,
    Plan,
    Responsibility,
    ResponsibilityRole,
    Task,
    Unit,
)
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

__all__ = ["alice", "bob", "charlie", "dora", "plan", "port_authority"]


def moment(day: str) -> datetime.datetime:
    return datetime.datetime.combine(
        datetime.date.fromisoformat(day), datetime.time(10), tzinfo=datetime.UTC
    )


def report(
    period: Period,
    unit: Unit,
    task: Task,
    submitted: str,
    *,
    measure: object = None,
    done: bool = False,
    returned_on: str | None = None,
) -> Report:
    item = open_report(None, period, unit, task, measure)  # type: ignore[arg-type]
    data = ReportInput(
        status=WorkStatus.DONE if done else WorkStatus.IN_PROGRESS,
        percent_complete=100 if done else 50,
    )
    item = save_report(None, item, data, item.version)
    item = submit_report(None, item, item.version)
    if returned_on:
        item = return_report(None, item, "Please add evidence.")
        Report.history.filter(id=item.pk, history_change_reason="returned").update(
            history_date=moment(returned_on)
        )
        item = submit_report(None, item, item.version)
    item = approve_report(None, item)
    Report.objects.filter(pk=item.pk).update(submitted_at=moment(submitted))
    return item


def annual(indicator: Indicator, value: int) -> None:
    Observation.objects.create(
        indicator=indicator,
        value=Decimal(value),
        period_start=datetime.date(2019, 1, 1),
        period_end=datetime.date(2019, 12, 31),
        source_quality="official",
    )


@pytest.fixture
def small(plan: Plan, port_authority: Unit) -> dict[str, Unit]:
    airport = Unit.objects.create(name_zh="白云国际机场")
    tourism = Unit.objects.create(name_zh="市文化广电旅游局")
    task18 = Task.objects.get(plan=plan, number="18")
    task3 = Task.objects.get(plan=plan, number="3")
    measure = task18.measures.get(number="18.2")
    measure.deadline = datetime.date(2019, 6, 30)
    measure.save()
    Responsibility.objects.create(unit=port_authority, task=task18, role=ResponsibilityRole.LEAD)
    Responsibility.objects.create(
        unit=airport, measure=measure, role=ResponsibilityRole.COOPERATING
    )
    Responsibility.objects.create(unit=tourism, task=task3, role=ResponsibilityRole.LEAD)
    Milestone.objects.filter(plan=plan).update(
        task=task3, done=True, held_from=datetime.date(2019, 5, 6)
    )
    annual(Indicator.objects.get(plan=plan, name="白云国际机场旅客吞吐量"), 72_000_000)
    annual(Indicator.objects.get(plan=plan, name="港口货物吞吐量"), 624_000_000)

    periods = {p.label: p for p in set_schedule(None, plan, "quarter", 10)}
    report(periods["2019 Q1"], port_authority, task18, "2019-04-08", returned_on="2019-04-09")
    report(periods["2019 Q2"], port_authority, task18, "2019-07-20")
    report(periods["2019 Q3"], port_authority, task18, "2020-01-05")
    for label, day in (
        ("2018 Q4", "2019-01-05"),
        ("2019 Q1", "2019-04-05"),
        ("2019 Q3", "2019-10-05"),
    ):
        report(periods[label], airport, task18, day, measure=measure)
    report(periods["2019 Q2"], airport, task18, "2019-06-20", measure=measure, done=True)
    return {"port": port_authority, "airport": airport, "tourism": tourism}


def by_unit(assessment: Assessment) -> dict[str, tuple[float | None, int | None]]:
    return {row.unit.name_zh: (row.score, row.rank) for row in assessment.scores.all()}


def points(assessment: Assessment, unit: Unit) -> dict[str, float]:
    row = assessment.scores.get(unit=unit)
    return {line["component"]: line["points"] for line in row.breakdown}


# --- Scores -----------------------------------------------------------------------


def test_the_small_plan_scores_as_worked_out_by_hand(
    plan: Plan, small: dict[str, Unit], alice: User
) -> None:
    assessment = run_assessment(alice, plan, 2019)
    assert assessment.scheme.name == "default" and assessment.scheme.version == 1
    assert by_unit(assessment) == {
        # 40·0.93 + 20 + 20 + 15 + 5
        "白云国际机场": (97.2, 1),
        # no deadline: 40, 20, 15, 5 scaled by 100/80 → 50·0.93 + 25·¼ + 18.75·½ + 6.25·½
        "市港务局": (65.25, 2),
        # no target, nothing sent: 20, 20, 15 scaled by 100/55 → 36.36·1
        "市文化广电旅游局": (36.36, 3),
    }
    port = points(assessment, small["port"])
    assert port == pytest.approx(
        {
            "target_progress": 46.5,
            "tasks_on_time": 0.0,
            "timeliness": 6.25,
            "completeness": 9.375,
            "returned": 3.125,
        }
    )
    inputs = assessment.scores.get(unit=small["port"]).inputs
    assert inputs["periods"] == ["2018 Q4", "2019 Q1", "2019 Q2", "2019 Q3"]
    assert (inputs["reports_owed"], inputs["reports_submitted"], inputs["reports_on_time"]) == (
        4,
        2,
        1,
    )
    assert [r["period"] for r in inputs["returned"]] == ["2019 Q1"]
    assert [t["attainment"] for t in inputs["targets"]] == pytest.approx([0.9, 0.96])
    airport_items = assessment.scores.get(unit=small["airport"]).inputs["items"]
    assert [(i["kind"], i["on_time"], i["done_on"]) for i in airport_items] == [
        ("measure", True, "2019-06-20")
    ]


def test_a_return_after_the_end_of_the_year_is_not_counted(
    plan: Plan, small: dict[str, Unit], alice: User
) -> None:
    Report.history.filter(history_change_reason="returned").update(
        history_date=moment("2020-02-01")
    )
    port = points(run_assessment(alice, plan, 2019), small["port"])
    assert port["returned"] == pytest.approx(6.25)


def test_the_snapshot_recomputes_to_the_same_numbers_after_the_data_change(
    plan: Plan, small: dict[str, Unit], alice: User
) -> None:
    assessment = run_assessment(alice, plan, 2019)
    Report.objects.update(submitted_at=None)
    Observation.objects.all().delete()
    again = Assessment.objects.get(pk=assessment.pk)
    assert recompute(again) == stored_scores(again)
    assert by_unit(run_assessment(alice, plan, 2019)) != by_unit(again)


# --- Scheme versions --------------------------------------------------------------


def test_revising_a_scheme_adds_a_version_and_old_assessments_keep_theirs(
    plan: Plan, small: dict[str, Unit], alice: User
) -> None:
    first = run_assessment(alice, plan, 2019)
    v1 = first.scheme
    v2 = revise_scheme(
        alice, v1, {"weight_target_progress": Decimal(60), "weight_timeliness": Decimal(0)}
    )
    assert (v2.name, v2.version) == ("default", 2) and v2.pk != v1.pk
    v1.refresh_from_db()
    assert v1.weight_target_progress == Decimal(40) and v1.version == 1
    assert default_scheme() == v2
    second = run_assessment(alice, plan, 2019, v2)
    first.refresh_from_db()
    assert first.scheme == v1 and recompute(first) == stored_scores(first)
    assert by_unit(second)["白云国际机场"] == (pytest.approx(95.8), 1)  # 60·0.93 + 20 + 15 + 5
    assert v2.history.count() == 1


def test_weights_that_do_not_sum_to_100_are_refused(alice: User) -> None:
    from django.core.exceptions import ValidationError
    from django.utils import translation

    with translation.override("en"), pytest.raises(ValidationError, match="sum to 100"):
        revise_scheme(alice, default_scheme(), {"weight_returned": Decimal(10)})
    assert ScoringScheme.objects.count() == 1


def test_only_the_coordinator_revises_a_scheme(bob: User) -> None:
    with pytest.raises(PermissionDenied):
        revise_scheme(bob, default_scheme(), {})


def test_editing_in_the_admin_stores_a_new_version(client: Client, alice: User) -> None:
    scheme = default_scheme()
    client.force_login(alice)
    form = {
        "weight_target_progress": "30",
        "weight_tasks_on_time": "30",
        "weight_timeliness": "20",
        "weight_completeness": "15",
        "weight_returned": "5",
        "note": "more weight on deadlines",
    }
    response = client.post(f"/admin/oversight/scoringscheme/{scheme.pk}/change/", form)
    assert response.status_code == 302
    versions = list(ScoringScheme.objects.order_by("version").values_list("version", flat=True))
    assert versions == [1, 2]
    scheme.refresh_from_db()
    assert scheme.weight_target_progress == Decimal(40)
    bad = client.post(
        f"/admin/oversight/scoringscheme/{scheme.pk}/change/",
        {**form, "weight_returned": "50"},
    )
    assert bad.status_code == 200 and ScoringScheme.objects.count() == 2


def test_the_admin_of_schemes_is_for_the_coordinator_only(client: Client, dora: User) -> None:
    dora.is_staff = True
    dora.save()
    client.force_login(dora)
    assert client.get("/admin/oversight/scoringscheme/").status_code == 403


# --- Permissions and pages --------------------------------------------------------


def list_url(plan: Plan) -> str:
    return f"/oversight/plans/{plan.code}/assessments/"


def test_only_the_coordinator_runs_an_assessment(
    plan: Plan, small: dict[str, Unit], bob: User, dora: User, client: Client
) -> None:
    with pytest.raises(PermissionDenied):
        run_assessment(bob, plan, 2019)
    with pytest.raises(PermissionDenied):
        run_assessment(dora, plan, 2019)
    client.force_login(dora)
    response = client.post(list_url(plan), {"year": 2019, "scheme": default_scheme().pk})
    assert response.status_code == 403
    assert not Assessment.objects.exists()


def test_the_coordinator_runs_it_from_the_page_and_everyone_with_a_role_reads_it(
    plan: Plan,
    small: dict[str, Unit],
    alice: User,
    bob: User,
    dora: User,
    client: Client,
) -> None:
    client.force_login(alice)
    page = client.get(list_url(plan)).content.decode()
    assert 'data-testid="run-assessment"' in page and 'data-testid="no-assessment"' in page
    response = client.post(list_url(plan), {"year": 2019, "scheme": default_scheme().pk})
    assessment = Assessment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{list_url(plan)}?id={assessment.pk}"
    unit_url = f"/oversight/plans/{plan.code}/assessments/{assessment.pk}/units/{small['port'].pk}/"
    for reader in (bob, dora):
        client.force_login(reader)
        html = client.get(list_url(plan)).content.decode()
        assert 'data-testid="run-assessment"' not in html
        ranking = html.split('data-testid="ranking"', 1)[1]
        assert ranking.index("白云国际机场") < ranking.index("市港务局") < ranking.index("市文化")
        assert 'data-rank="2" data-score="65.25"' in ranking
        assert unit_url in ranking
        unit_page = client.get(unit_url)
        assert unit_page.status_code == 200
        text = unit_page.content.decode()
        assert "65.25" in text and "46.50" in text and "9.38" in text
        assert 'data-testid="input-targets"' in text and "2019 Q1" in text


def test_an_anonymous_visitor_is_sent_to_sign_in_and_no_role_is_refused(
    plan: Plan, small: dict[str, Unit], alice: User, charlie: User, client: Client
) -> None:
    assessment = run_assessment(alice, plan, 2019)
    urls = [
        list_url(plan),
        f"/oversight/plans/{plan.code}/assessments/{assessment.pk}/units/{small['port'].pk}/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.force_login(charlie)
    for url in urls:
        assert client.get(url).status_code == 403
    assert client.post(urls[0], {"year": 2019}).status_code == 403


# --- The Guangzhou demo -----------------------------------------------------------


@pytest.mark.django_db
def test_in_the_guangzhou_demo_the_port_authority_ranks_above_the_silent_tourism_bureau() -> None:
    from actionplan.plans.seeding import create_demo_users, load_default
    from actionplan.progress.seeding import load_reporting_history

    demo_plan = load_default().version.plan
    create_demo_users()
    load_reporting_history(demo_plan)
    assessment = run_assessment(User.objects.get(username="coordinator"), demo_plan, 2019)
    scores = by_unit(assessment)
    port_score, port_rank = scores["市港务局"]
    tourism_score, tourism_rank = scores["市文化广电旅游局"]
    assert port_rank is not None and tourism_rank is not None
    assert port_rank < tourism_rank and port_score > tourism_score  # type: ignore[operator]
    tourism = assessment.scores.get(unit__name_zh="市文化广电旅游局").inputs
    assert tourism["reports_owed"] > 0 and tourism["reports_submitted"] == 0
    assert recompute(assessment) == stored_scores(assessment)
