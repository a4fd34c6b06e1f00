"""Report once (一表通): a unit downloads one workbook with all its reports
and figures for a period, fills it in and uploads it back.

Every bad file is refused with a message that says where (sheet, row,
column) and what, and leaves the database as it was (rows and history);
a good one is saved as drafts in one go, and the same file uploaded again
changes nothing."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from io import BytesIO

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from actionplan.plans.models import (
    Indicator,
    IndicatorKind,
    Observation,
    Plan,
    ReviewState,
    Task,
    Unit,
)
from actionplan.plans.services.observations import record_observation
from actionplan.progress.models import Period, Report, WorkStatus
from actionplan.progress.services.figures import FigureInput, report_figure
from actionplan.progress.services.periods import set_locked
from actionplan.progress.services.reports import (
    ReportInput,
    approve_report,
    open_report,
    save_report,
    submit_report,
)
from actionplan.progress.workbook import layout
from actionplan.progress.workbook.export import CONTENT_TYPE

PROGRESS = {c.field: i for i, c in enumerate(layout.PROGRESS_COLUMNS, start=1)}
INDICATORS = {c.field: i for i, c in enumerate(layout.INDICATOR_COLUMNS, start=1)}


# --- helpers -------------------------------------------------------------------


def download_url(unit: Unit, period: Period) -> str:
    return reverse("progress:workbook_download", args=[unit.pk, period.pk])


def upload_url(unit: Unit, period: Period) -> str:
    return reverse("progress:workbook_upload", args=[unit.pk, period.pk])


def english(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def download(client: Client, unit: Unit, period: Period) -> Workbook:
    response = client.get(download_url(unit, period))
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == CONTENT_TYPE
    return load_workbook(BytesIO(response.content))


def to_bytes(workbook: Workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def post(client: Client, unit: Unit, period: Period, data: bytes | Workbook) -> str:
    payload = to_bytes(data) if isinstance(data, Workbook) else data
    response = client.post(
        upload_url(unit, period),
        {"file": SimpleUploadedFile("filled.xlsx", payload, content_type=CONTENT_TYPE)},
    )
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def progress(workbook: Workbook) -> Worksheet:
    return workbook[layout.SHEET_PROGRESS]


def indicators(workbook: Workbook) -> Worksheet:
    return workbook[layout.SHEET_INDICATORS]


def progress_row(sheet: Worksheet, task: Task, measure_id: int | None = None) -> int:
    for row in range(layout.FIRST_DATA_ROW, sheet.max_row + 1):
        ids = (
            sheet.cell(row, PROGRESS["task_id"]).value,
            sheet.cell(row, PROGRESS["measure_id"]).value,
        )
        if ids == (task.pk, measure_id):
            return row
    raise AssertionError(f"no row for task {task.number}")


def indicator_row(sheet: Worksheet, indicator: Indicator) -> int:
    for row in range(layout.FIRST_DATA_ROW, sheet.max_row + 1):
        if sheet.cell(row, INDICATORS["indicator_id"]).value == indicator.pk:
            return row
    raise AssertionError(f"no row for {indicator}")


def fill_report(
    workbook: Workbook, task: Task, measure_id: int | None = None, **cells: object
) -> int:
    sheet = progress(workbook)
    row = progress_row(sheet, task, measure_id)
    for name, value in cells.items():
        sheet.cell(row, PROGRESS[name]).value = value
    return row


def fill_figure(workbook: Workbook, indicator: Indicator, **cells: object) -> int:
    sheet = indicators(workbook)
    row = indicator_row(sheet, indicator)
    for name, value in cells.items():
        sheet.cell(row, INDICATORS[name]).value = value
    return row


def snapshot() -> tuple[int, ...]:
    """Everything an upload could write: rows, their history, the links."""
    return (
        Report.objects.count(),
        Report.history.count(),
        Observation.objects.count(),
        Observation.history.count(),
        Report.observations.through.objects.count(),
        sum(Report.objects.values_list("version", flat=True)),
    )


@pytest.fixture
def cargo(task18: Task) -> Indicator:
    return Indicator.objects.get(plan=task18.plan, name="港口货物吞吐量")


@pytest.fixture
def share(task18: Task, passengers: Indicator) -> Indicator:
    """A share of task 18 (in %): within 0–100."""
    return Indicator.objects.create(
        plan=task18.plan,
        task=task18,
        introduced_in=passengers.introduced_in,
        name="绿色港口集装箱码头占比",
        unit="%",
        kind=IndicatorKind.SHARE,
    )


@pytest.fixture
def bob_client(client: Client, bob: User) -> Client:
    client.force_login(bob)
    return english(client)


# --- the round trip ------------------------------------------------------------


def test_bob_downloads_his_units_rows_and_the_indicators_of_its_tasks(
    bob_client: Client,
    port_authority: Unit,
    task18: Task,
    passengers: Indicator,
    cargo: Indicator,
    q1_2019: Period,
) -> None:
    workbook = download(bob_client, port_authority, q1_2019)
    assert workbook.sheetnames == [
        layout.SHEET_ABOUT,
        layout.SHEET_PROGRESS,
        layout.SHEET_INDICATORS,
    ]
    sheet = progress(workbook)
    row = progress_row(sheet, task18)
    assert sheet.cell(row, PROGRESS["number"]).value == "18"
    assert sheet.cell(row, PROGRESS["item"]).value == task18.title
    assert sheet.cell(row, PROGRESS["role"]).value == "牵头"
    assert sheet.cell(row, PROGRESS["status"]).value is None  # nothing reported yet
    assert sheet.column_dimensions["A"].hidden and sheet.column_dimensions["B"].hidden
    assert sheet.protection.sheet
    assert not sheet.cell(row, PROGRESS["status"]).protection.locked
    assert sheet.cell(row, PROGRESS["item"]).protection.locked
    rows = [r for r in range(layout.FIRST_DATA_ROW, sheet.max_row + 1) if sheet.cell(r, 1).value]
    assert len(rows) == 1  # only task 18 is the port authority's
    validations = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    status_letter = sheet.cell(row, PROGRESS["status"]).column_letter
    status = validations[f"{status_letter}{row}"]
    assert status.type == "list" and "in progress" in (status.formula1 or "")
    percent_letter = sheet.cell(row, PROGRESS["percent"]).column_letter
    assert validations[f"{percent_letter}{row}"].type == "whole"

    names = [indicators(workbook).cell(r, INDICATORS["name"]).value for r in (5, 6)]
    assert sorted(names) == sorted([passengers.name, cargo.name])
    about = {
        row[0]: row[1]
        for row in workbook[layout.SHEET_ABOUT].iter_rows(max_row=8, max_col=2, values_only=True)
    }
    assert about["单位 unit"] == "市港务局"
    assert about[layout.ABOUT_PERIOD_ID] == q1_2019.pk
    assert about["截止日期 due"] == "2019-04-10"


def test_a_filled_workbook_is_saved_as_drafts_and_the_same_file_again_changes_nothing(
    bob_client: Client,
    bob: User,
    port_authority: Unit,
    task18: Task,
    passengers: Indicator,
    cargo: Indicator,
    q1_2019: Period,
) -> None:
    workbook = download(bob_client, port_authority, q1_2019)
    fill_report(
        workbook,
        task18,
        status="in progress",
        percent=40,
        done="南沙港区四期开工",
        problems="用地指标不足",
        escalate="是",
        next_steps="协调用地",
    )
    fill_figure(
        workbook,
        passengers,
        value=17_000_000,
        source_title="机场月报",
        source_url="https://example.org/m",
    )
    fill_figure(workbook, cargo, value="1.6亿", qualifier="approximately", note="快报")
    html = post(bob_client, port_authority, q1_2019, workbook)
    assert "Saved as drafts — reports: 1, figures: 2." in html
    assert "new draft figure: 160,000,000" in html
    assert "“1.6亿” was read as 160,000,000" in html  # magnitude words, listed back

    report = Report.objects.get(unit=port_authority, period=q1_2019, task=task18, measure=None)
    assert report.state == ReviewState.DRAFT
    assert (report.status, report.percent_complete, report.escalate) == (
        WorkStatus.IN_PROGRESS,
        40,
        True,
    )
    assert (report.done, report.problems, report.next_steps) == (
        "南沙港区四期开工",
        "用地指标不足",
        "协调用地",
    )
    figures = {f.indicator_id: f for f in report.observations.all()}
    assert set(figures) == {passengers.pk, cargo.pk}
    airport_figure = figures[passengers.pk]
    assert airport_figure.value == Decimal(17_000_000)
    assert (airport_figure.period_start, airport_figure.period_end) == (q1_2019.start, q1_2019.end)
    assert (airport_figure.state, airport_figure.unit, airport_figure.recorded_by) == (
        ReviewState.DRAFT,
        port_authority,
        bob,
    )
    assert airport_figure.source_url == "https://example.org/m"
    assert figures[cargo.pk].value == Decimal(160_000_000)
    assert figures[cargo.pk].qualifier == "approx"
    assert f'href="{reverse("progress:report_detail", args=[report.pk])}"' in html  # to submit next

    before = snapshot()
    html = post(bob_client, port_authority, q1_2019, workbook)
    assert "No changes" in html
    assert snapshot() == before

    # A fresh download is pre-filled with what was saved, and uploads as no change.
    again = download(bob_client, port_authority, q1_2019)
    sheet = progress(again)
    row = progress_row(sheet, task18)
    assert sheet.cell(row, PROGRESS["status"]).value == "in progress"
    assert sheet.cell(row, PROGRESS["percent"]).value == 40
    assert sheet.cell(row, PROGRESS["escalate"]).value == "是"
    assert sheet.cell(row, PROGRESS["state"]).value == "draft"
    figure_row = indicator_row(indicators(again), cargo)
    assert indicators(again).cell(figure_row, INDICATORS["value"]).value == 160_000_000
    assert indicators(again).cell(figure_row, INDICATORS["qualifier"]).value == "approximately"
    assert "No changes" in post(bob_client, port_authority, q1_2019, again)
    assert snapshot() == before


def test_changed_rows_update_the_drafts_with_history(
    bob_client: Client,
    bob: User,
    port_authority: Unit,
    task18: Task,
    passengers: Indicator,
    q1_2019: Period,
) -> None:
    report = open_report(bob, q1_2019, port_authority, task18)
    report = save_report(bob, report, ReportInput(percent_complete=10, done="起步"), report.version)
    figure = report_figure(
        bob,
        port_authority,
        passengers,
        FigureInput(value="16000000", period_start=q1_2019.start, period_end=q1_2019.end),
        report=report,
    )
    workbook = download(bob_client, port_authority, q1_2019)
    row = fill_report(workbook, task18, percent=60)
    assert progress(workbook).cell(row, PROGRESS["done"]).value == "起步"
    fill_figure(workbook, passengers, value=17_500_000)
    figures_before = Observation.objects.count()
    html = post(bob_client, port_authority, q1_2019, workbook)
    assert "report updated" in html and "figure updated" in html
    report.refresh_from_db()
    figure.refresh_from_db()
    assert (report.percent_complete, report.done, report.version) == (60, "起步", 3)
    assert (figure.value, figure.version) == (Decimal(17_500_000), 2)
    assert Observation.objects.count() == figures_before
    assert report.history.first().history_user == bob


def test_a_cooperating_unit_reports_on_its_measure(
    client: Client, cora: User, airport: Unit, task18: Task, passengers: Indicator, q1_2019: Period
) -> None:
    client.force_login(cora)
    english(client)
    measure = task18.measures.get(number="18.2")
    workbook = download(client, airport, q1_2019)
    sheet = progress(workbook)
    row = progress_row(sheet, task18, measure.pk)
    assert (sheet.cell(row, PROGRESS["number"]).value, sheet.cell(row, PROGRESS["role"]).value) == (
        "18.2",
        "配合",
    )
    fill_report(workbook, task18, measure.pk, status="in progress", percent=50)
    fill_figure(workbook, passengers, value=17_100_000)
    assert "Saved as drafts" in post(client, airport, q1_2019, workbook)
    report = Report.objects.get(unit=airport, measure=measure)
    assert report.percent_complete == 50
    assert report.observations.get().value == Decimal(17_100_000)


def test_a_figure_alone_opens_the_tasks_report_as_a_draft(
    bob_client: Client, port_authority: Unit, task18: Task, passengers: Indicator, q1_2019: Period
) -> None:
    workbook = download(bob_client, port_authority, q1_2019)
    fill_figure(workbook, passengers, value=17_000_000)
    post(bob_client, port_authority, q1_2019, workbook)
    report = Report.objects.get(unit=port_authority, task=task18)
    assert report.state == ReviewState.DRAFT
    assert report.observations.get().indicator == passengers
    before = snapshot()
    post(bob_client, port_authority, q1_2019, workbook)
    assert snapshot() == before


def test_the_last_approved_figure_is_shown_not_retyped(
    bob_client: Client, port_authority: Unit, passengers: Indicator, q1_2019: Period
) -> None:
    record_observation(
        None,
        passengers,
        value="69740000",
        period_start=datetime.date(2018, 1, 1),
        period_end=datetime.date(2018, 12, 31),
        source_quality="official",
    )
    sheet = indicators(download(bob_client, port_authority, q1_2019))
    row = indicator_row(sheet, passengers)
    assert sheet.cell(row, INDICATORS["last_value"]).value == 69_740_000
    assert sheet.cell(row, INDICATORS["last_period"]).value == "2018-01-01–2018-12-31"
    assert sheet.cell(row, INDICATORS["target_value"]).value == 80_000_000
    assert sheet.cell(row, INDICATORS["value"]).value is None


def test_text_that_looks_like_a_formula_stays_text(
    bob_client: Client, bob: User, port_authority: Unit, task18: Task, q1_2019: Period
) -> None:
    Task.objects.filter(pk=task18.pk).update(title='=HYPERLINK("http://evil.example","点击")')
    report = open_report(bob, q1_2019, port_authority, task18)
    save_report(
        bob,
        report,
        ReportInput(done="+1 码头", problems="@所有人", next_steps="-继续"),
        report.version,
    )
    workbook = download(bob_client, port_authority, q1_2019)
    sheet = progress(workbook)
    row = progress_row(sheet, task18)
    cell = sheet.cell(row, PROGRESS["item"])
    assert cell.value == '\'=HYPERLINK("http://evil.example","点击")' and cell.data_type == "s"
    for name, text in (("done", "'+1 码头"), ("problems", "'@所有人"), ("next_steps", "'-继续")):
        assert sheet.cell(row, PROGRESS[name]).value == text
    # Read back, the quote comes off: uploading the download changes nothing.
    before = snapshot()
    assert "No changes" in post(bob_client, port_authority, q1_2019, workbook)
    assert snapshot() == before


def test_an_approved_report_and_figure_uploaded_unchanged_are_fine(
    alice: User,
    bob_client: Client,
    bob: User,
    port_authority: Unit,
    task18: Task,
    passengers: Indicator,
    q1_2019: Period,
) -> None:
    report = open_report(bob, q1_2019, port_authority, task18)
    report_figure(
        bob,
        port_authority,
        passengers,
        FigureInput(value="17000000", period_start=q1_2019.start, period_end=q1_2019.end),
        report=report,
    )
    report = submit_report(bob, report, report.version)
    approve_report(alice, report)
    workbook = download(bob_client, port_authority, q1_2019)
    before = snapshot()
    assert "No changes" in post(bob_client, port_authority, q1_2019, workbook)
    assert snapshot() == before


# --- permissions -----------------------------------------------------------------


def test_the_coordinator_downloads_any_units_workbook_but_does_not_upload(
    client: Client, alice: User, port_authority: Unit, task18: Task, q1_2019: Period
) -> None:
    client.force_login(alice)
    assert (
        progress(download(client, port_authority, q1_2019)).cell(5, PROGRESS["number"]).value
        == "18"
    )
    assert client.get(upload_url(port_authority, q1_2019)).status_code == 403
    response = client.post(
        upload_url(port_authority, q1_2019), {"file": SimpleUploadedFile("x.xlsx", b"PK")}
    )
    assert response.status_code == 403


@pytest.mark.parametrize("who", ["uma", "dora", "charlie"])
def test_others_neither_download_nor_upload(
    client: Client,
    request: pytest.FixtureRequest,
    who: str,
    port_authority: Unit,
    task18: Task,
    q1_2019: Period,
) -> None:
    client.force_login(request.getfixturevalue(who))
    before = snapshot()
    assert client.get(download_url(port_authority, q1_2019)).status_code == 403
    assert client.get(upload_url(port_authority, q1_2019)).status_code == 403
    response = client.post(
        upload_url(port_authority, q1_2019), {"file": SimpleUploadedFile("x.xlsx", b"PK")}
    )
    assert response.status_code == 403
    assert snapshot() == before


def test_an_anonymous_visitor_is_sent_to_sign_in(
    client: Client, port_authority: Unit, q1_2019: Period
) -> None:
    for url in (download_url(port_authority, q1_2019), upload_url(port_authority, q1_2019)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")


def test_an_unknown_unit_or_period_is_not_found(
    bob_client: Client, port_authority: Unit, q1_2019: Period
) -> None:
    assert (
        bob_client.get(
            reverse("progress:workbook_download", args=[port_authority.pk, 99999])
        ).status_code
        == 404
    )
    assert (
        bob_client.get(reverse("progress:workbook_upload", args=[99999, q1_2019.pk])).status_code
        == 404
    )


def test_bob_sees_the_upload_page(
    bob_client: Client, port_authority: Unit, q1_2019: Period
) -> None:
    response = bob_client.get(upload_url(port_authority, q1_2019))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert f'href="{download_url(port_authority, q1_2019)}"' in html


# --- bad files: refused, with where and what, writing nothing -------------------------

Edit = Callable[[Workbook, dict[str, object]], "bytes | Workbook"]


def _good_report(workbook: Workbook, the: dict[str, object]) -> None:
    """A good row in every bad file: it is not saved either."""
    fill_report(workbook, the["task18"], status="in progress", percent=30, done="推进中")  # type: ignore[arg-type]


def _csv(workbook: Workbook, the: dict[str, object]) -> bytes:
    return "序号,重点任务\n18,港口\n".encode()


def _no_progress_sheet(workbook: Workbook, the: dict[str, object]) -> Workbook:
    del workbook[layout.SHEET_PROGRESS]
    return workbook


def _unknown_row(workbook: Workbook, the: dict[str, object]) -> Workbook:
    row = progress_row(progress(workbook), the["task18"])  # type: ignore[arg-type]
    progress(workbook).cell(row, PROGRESS["task_id"]).value = 999_999
    return workbook


def _not_our_task(workbook: Workbook, the: dict[str, object]) -> Workbook:
    task1: Task = Task.objects.get(plan=the["plan"], number="1")  # type: ignore[misc]
    sheet = progress(workbook)
    row = sheet.max_row + 1
    sheet.cell(row, PROGRESS["task_id"]).value = task1.pk
    sheet.cell(row, PROGRESS["number"]).value = "1"
    sheet.cell(row, PROGRESS["status"]).value = "in progress"
    sheet.cell(row, PROGRESS["percent"]).value = 10
    return workbook


def _figure(**cells: object) -> Callable[[Workbook, dict[str, object]], Workbook]:
    def edit(workbook: Workbook, the: dict[str, object]) -> Workbook:
        indicator: Indicator = the[str(cells.pop("indicator", "passengers"))]  # type: ignore[assignment]
        fill_figure(workbook, indicator, **cells)
        return workbook

    return edit


def _report(**cells: object) -> Callable[[Workbook, dict[str, object]], Workbook]:
    def edit(workbook: Workbook, the: dict[str, object]) -> Workbook:
        fill_report(workbook, the["task18"], **cells)  # type: ignore[arg-type]
        return workbook

    return edit


def _another_units_workbook(workbook: Workbook, the: dict[str, object]) -> Workbook:
    about = workbook[layout.SHEET_ABOUT]
    for row in about.iter_rows(max_row=10, max_col=2):
        if row[0].value == layout.ABOUT_UNIT_ID:
            row[1].value = the["airport"].pk  # type: ignore[attr-defined]
    return workbook


BAD_FILES: dict[str, tuple[Edit, str]] = {
    "not an xlsx": (_csv, "This is a text file (a .csv?), not an .xlsx workbook."),
    "wrong sheets": (_no_progress_sheet, "The sheet 进度 Progress is missing."),
    "unknown row id": (
        _unknown_row,
        "Unknown row: its hidden task id does not name a task of this plan.",
    ),
    "task the unit is not on": (
        _not_our_task,
        "Row 1: your unit has no part in this task or measure",
    ),
    "N/A value": (_figure(value="N/A"), "Value: “N/A” is not a number."),
    "negative count": (_figure(value=-5), "Value: a count or amount cannot be negative."),
    "share over 100": (_figure(indicator="share", value=120), "Value: must be at most 100"),
    "fraction of a count": (_figure(value=12.5), "enter a whole number"),
    "hedged value": (_figure(value="约1700万"), "Value: “约1700万” is not a number."),
    "bad qualifier": (_figure(value=1, qualifier="roughly"), "Qualifier: “roughly” is not one of"),
    "bad url": (
        _figure(value=17_000_000, source_url="机场官网"),
        "Source URL: “机场官网” is not a web address",
    ),
    "note without value": (
        _figure(note="待统计"),
        "Value: enter a number, or clear the other cells of the row.",
    ),
    "percent 120": (
        _report(status="in progress", percent=120),
        "Percent complete: must lie within 0–100.",
    ),
    "percent 12.5": (
        _report(status="in progress", percent=12.5),
        "Percent complete: “12.5” is not a whole number.",
    ),
    "unknown status": (
        _report(status="almost there", percent=10),
        "Status: “almost there” is not one of the listed statuses",
    ),
    "no status": (
        _report(status=None, percent=10, done="x"),
        "Status: choose one of the listed statuses.",
    ),
    "done at 50": (
        _report(status="done", percent=50),
        "Percent complete: a finished task is 100 percent complete.",
    ),
    "escalation without problems": (
        _report(status="in progress", escalate="是", problems=None),
        "Problems: say what the leading group must decide",
    ),
    "bad yes/no": (
        _report(status="in progress", escalate="maybe"),
        "Refer to the leading group: write 是 or 否",
    ),
    "another unit's workbook": (
        _another_units_workbook,
        "This workbook was downloaded for another unit (白云国际机场)",
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_is_refused_and_writes_nothing(
    bob_client: Client,
    plan: Plan,
    port_authority: Unit,
    airport: Unit,
    task18: Task,
    passengers: Indicator,
    share: Indicator,
    q1_2019: Period,
    case: str,
) -> None:
    edit, message = BAD_FILES[case]
    the: dict[str, object] = {
        "plan": plan,
        "task18": task18,
        "passengers": passengers,
        "share": share,
        "airport": airport,
    }
    workbook = download(bob_client, port_authority, q1_2019)
    if case not in ("wrong sheets", "unknown row id"):
        _good_report(workbook, the)
    before = snapshot()
    html = post(bob_client, port_authority, q1_2019, edit(workbook, the))
    assert "Nothing was saved" in html
    assert message in html.replace("&quot;", '"').replace("&#x27;", "'")
    assert snapshot() == before
    assert not Report.objects.exists()


def test_every_problem_is_listed_with_its_sheet_row_and_column(
    bob_client: Client,
    port_authority: Unit,
    task18: Task,
    passengers: Indicator,
    cargo: Indicator,
    q1_2019: Period,
) -> None:
    workbook = download(bob_client, port_authority, q1_2019)
    report_row = fill_report(workbook, task18, status="in progress", percent=120)
    passengers_row = fill_figure(workbook, passengers, value="N/A")
    cargo_row = fill_figure(workbook, cargo, value=-1)
    html = post(bob_client, port_authority, q1_2019, workbook)
    assert "the file has 3 problems" in html
    percent = progress(workbook).cell(report_row, PROGRESS["percent"]).column_letter
    value = indicators(workbook).cell(passengers_row, INDICATORS["value"]).column_letter
    for sheet, row, column in (
        (layout.SHEET_PROGRESS, report_row, f"{percent}（完成百分比）"),
        (layout.SHEET_INDICATORS, passengers_row, f"{value}（本期数值）"),
        (layout.SHEET_INDICATORS, cargo_row, f"{value}（本期数值）"),
    ):
        cells = (
            f'<td class="nowrap">{sheet}</td>\n      <td class="num">{row}</td>\n'
            f'      <td class="nowrap">{column}</td>'
        )
        assert cells in html
    assert (
        not Report.objects.exists() and not Observation.objects.filter(unit=port_authority).exists()
    )


def test_a_locked_period_takes_no_upload(
    alice: User, bob_client: Client, port_authority: Unit, task18: Task, q1_2019: Period
) -> None:
    workbook = download(bob_client, port_authority, q1_2019)
    fill_report(workbook, task18, status="in progress", percent=30)
    set_locked(alice, q1_2019, True)
    page = bob_client.get(upload_url(port_authority, q1_2019)).content.decode()
    assert "Period 2019 Q1 is locked" in page
    assert 'type="file"' not in page
    before = snapshot()
    html = post(bob_client, port_authority, q1_2019, workbook)
    assert "Period 2019 Q1 is locked: it takes no more reports or figures." in html
    assert snapshot() == before


def test_an_approved_figure_is_not_changed_by_an_upload(
    alice: User,
    bob_client: Client,
    bob: User,
    port_authority: Unit,
    task18: Task,
    passengers: Indicator,
    q1_2019: Period,
) -> None:
    report = open_report(bob, q1_2019, port_authority, task18)
    report = save_report(bob, report, ReportInput(percent_complete=20), report.version)
    figure = report_figure(
        bob,
        port_authority,
        passengers,
        FigureInput(value="17000000", period_start=q1_2019.start, period_end=q1_2019.end),
        report=report,
    )
    approve_report(alice, submit_report(bob, report, report.version))
    workbook = download(bob_client, port_authority, q1_2019)
    row = fill_figure(workbook, passengers, value=18_000_000)
    assert indicators(workbook).cell(row, INDICATORS["state"]).value == "approved"
    before = snapshot()
    html = post(bob_client, port_authority, q1_2019, workbook)
    assert (
        "This figure is already approved, and the file differs from it; ask the office to return it"
        in html
    )
    assert snapshot() == before
    figure.refresh_from_db()
    assert figure.value == Decimal(17_000_000)

    workbook = download(bob_client, port_authority, q1_2019)
    fill_report(workbook, task18, percent=90)
    html = post(bob_client, port_authority, q1_2019, workbook)
    assert "This report is already approved" in html
    assert snapshot() == before


def test_in_the_chinese_interface_the_lists_are_chinese_and_either_language_reads_back(
    client: Client,
    bob: User,
    port_authority: Unit,
    task18: Task,
    passengers: Indicator,
    cargo: Indicator,
    q1_2019: Period,
) -> None:
    client.force_login(bob)  # no language chosen: Chinese
    workbook = download(client, port_authority, q1_2019)
    sheet = progress(workbook)
    row = progress_row(sheet, task18)
    status_letter = sheet.cell(row, PROGRESS["status"]).column_letter
    status = next(
        v for v in sheet.data_validations.dataValidation if str(v.sqref).startswith(status_letter)
    )
    assert "推进中" in (status.formula1 or "")
    fill_report(workbook, task18, status="推进中", percent=20)
    fill_figure(workbook, passengers, value="8千万", qualifier="不低于")
    fill_figure(workbook, cargo, value=150_000_000, qualifier="approximately")  # English label
    html = post(client, port_authority, q1_2019, workbook)
    assert "80,000,000" in html
    report = Report.objects.get(unit=port_authority, task=task18)
    assert (report.status, report.percent_complete) == (WorkStatus.IN_PROGRESS, 20)
    values = {f.indicator_id: (f.value, f.qualifier) for f in report.observations.all()}
    assert values == {
        passengers.pk: (Decimal(80_000_000), "at_least"),
        cargo.pk: (Decimal(150_000_000), "approx"),
    }


def test_a_workbook_of_another_period_is_refused(
    bob_client: Client, port_authority: Unit, task18: Task, periods: list[Period], q1_2019: Period
) -> None:
    q2 = next(p for p in periods if p.label == "2019 Q2")
    workbook = download(bob_client, port_authority, q2)
    fill_report(workbook, task18, status="in progress", percent=30)
    before = snapshot()
    html = post(bob_client, port_authority, q1_2019, workbook)
    assert "This workbook is for another reporting period (2019 Q2), not 2019 Q1." in html
    assert snapshot() == before


def test_someone_saving_in_between_rolls_the_whole_upload_back(
    monkeypatch: pytest.MonkeyPatch,
    bob_client: Client,
    bob: User,
    port_authority: Unit,
    task18: Task,
    passengers: Indicator,
    q1_2019: Period,
) -> None:
    from actionplan.progress.workbook import apply

    report = open_report(bob, q1_2019, port_authority, task18)
    workbook = download(bob_client, port_authority, q1_2019)
    fill_report(workbook, task18, status="in progress", percent=70)
    fill_figure(workbook, passengers, value=17_000_000)
    checked = apply.review_workbook

    def then_someone_saves(*args: object) -> object:
        review = checked(*args)  # type: ignore[arg-type]
        fresh = Report.objects.get(pk=report.pk)
        save_report(None, fresh, ReportInput(percent_complete=5), fresh.version)
        return review

    monkeypatch.setattr(apply, "review_workbook", then_someone_saves)
    figures = Observation.objects.count()
    html = post(bob_client, port_authority, q1_2019, workbook)
    assert "Nothing was saved" in html
    assert "Someone else saved this since you opened it" in html
    report.refresh_from_db()
    assert report.percent_complete == 5  # theirs, not the upload's
    assert Observation.objects.count() == figures
