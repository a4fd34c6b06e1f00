"""The breakdown table on the web: everyone who reads plans downloads it;
only the coordinator uploads it back, and sees either the problems (sheet,
row, column, message) or what changed."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook
from tests.plans.breakdown_support import (
    exported,
    row_of,
    snapshot,
    task_key,
    tasks_sheet,
    to_bytes,
)
from tests.plans.views_support import GuangzhouSite, guangzhou_site, site

from actionplan.plans.breakdown.export import CONTENT_TYPE
from actionplan.plans.breakdown.layout import SHEET_TASKS
from actionplan.plans.models import Task

__all__ = ["guangzhou_site", "site"]  # fixtures used by the tests below

XLSX = CONTENT_TYPE


def export_url(site: GuangzhouSite) -> str:
    return f"/plans/{site.plan.code}/breakdown.xlsx"


def import_url(site: GuangzhouSite) -> str:
    return f"/plans/{site.plan.code}/breakdown/"


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=XLSX)


def one_task(site: GuangzhouSite) -> Task:
    return Task.objects.get(plan=site.plan, number="1")


def filled(site: GuangzhouSite, **cells: str) -> bytes:
    """The exported table with cells of task 1's row changed, by column letter."""
    workbook = exported(site.plan)
    sheet = tasks_sheet(workbook)
    row = row_of(sheet, task_key(one_task(site)))
    for column, value in cells.items():
        sheet[f"{column}{row}"] = value
    return to_bytes(workbook)


@pytest.mark.parametrize("who", ["alice", "bob", "lee"])
def test_everyone_who_reads_plans_downloads_the_table(
    site: GuangzhouSite, client: Client, who: str
) -> None:
    client.force_login(getattr(site, who))
    response = client.get(export_url(site))
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == (
        f'attachment; filename="{site.plan.code}-breakdown.xlsx"'
    )
    workbook = load_workbook(BytesIO(response.content))
    assert workbook.sheetnames[0] == SHEET_TASKS


def test_charlie_without_a_role_downloads_nothing(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.charlie)
    assert client.get(export_url(site)).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(site: GuangzhouSite, client: Client) -> None:
    for url in (export_url(site), import_url(site)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")


def test_an_unknown_plan_is_not_found(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.alice)
    assert client.get("/plans/no-such-plan/breakdown.xlsx").status_code == 404
    assert client.get("/plans/no-such-plan/breakdown/").status_code == 404


def test_the_overview_links_the_download_and_for_alice_the_import(
    site: GuangzhouSite, client: Client
) -> None:
    client.force_login(site.alice)
    html = client.get(f"/plans/{site.plan.code}/").content.decode()
    assert f'href="{export_url(site)}"' in html
    assert f'href="{import_url(site)}"' in html
    client.force_login(site.bob)
    html = client.get(f"/plans/{site.plan.code}/").content.decode()
    assert f'href="{export_url(site)}"' in html
    assert f'href="{import_url(site)}"' not in html


def test_alice_sees_the_upload_form(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.alice)
    response = client.get(import_url(site))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file"' in html
    assert f'href="{export_url(site)}"' in html


@pytest.mark.parametrize("who", ["bob", "lee", "charlie"])
def test_only_the_coordinator_may_import(site: GuangzhouSite, client: Client, who: str) -> None:
    client.force_login(getattr(site, who))
    assert client.get(import_url(site)).status_code == 403
    before = snapshot(site.plan)
    response = client.post(import_url(site), {"file": upload("t.xlsx", filled(site, D="市港务局"))})
    assert response.status_code == 403
    assert snapshot(site.plan) == before


def test_alice_imports_a_filled_in_table_and_sees_what_changed(
    site: GuangzhouSite, client: Client
) -> None:
    client.force_login(site.alice)
    response = client.post(
        import_url(site), {"file": upload("filled.xlsx", filled(site, D="市港务局", F="2020年底"))}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="breakdown-changes"' in html
    assert "市商务局" in html and "市港务局" in html and "2020-12-31" in html
    task = one_task(site)
    assert task.deadline == dt.date(2020, 12, 31)
    assert task.responsibilities.get(role="lead").unit.name_zh == "市港务局"
    assert task.history.latest().history_user == site.alice  # type: ignore[attr-defined]


def test_a_bad_file_lists_its_problems_and_changes_nothing(
    site: GuangzhouSite, client: Client
) -> None:
    client.force_login(site.alice)
    before = snapshot(site.plan)
    response = client.post(
        import_url(site),
        {"file": upload("bad.xlsx", filled(site, D="市商务厅", F="明年"))},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="breakdown-problems"' in html
    row = row_of(tasks_sheet(exported(site.plan)), task_key(one_task(site)))
    assert f'<td class="num">{row}</td>' in html
    assert "D（牵头单位）" in html and "F（完成时限）" in html
    assert "市商务厅" in html and "市商务局" in html
    assert 'data-testid="breakdown-changes"' not in html
    assert snapshot(site.plan) == before


def test_a_csv_renamed_is_refused_with_its_reason(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.alice)
    before = snapshot(site.plan)
    response = client.post(
        import_url(site), {"file": upload("table.xlsx", "序号,牵头单位\n1,市商务局\n".encode())}
    )
    html = response.content.decode()
    assert 'data-testid="breakdown-problems"' in html
    assert snapshot(site.plan) == before


def test_check_only_writes_nothing(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.alice)
    before = snapshot(site.plan)
    response = client.post(
        import_url(site),
        {"file": upload("filled.xlsx", filled(site, F="2020年底")), "dry_run": "on"},
    )
    html = response.content.decode()
    assert 'data-testid="breakdown-changes"' in html
    assert "2020-12-31" in html
    assert snapshot(site.plan) == before


def test_the_unchanged_table_says_so(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.alice)
    before = snapshot(site.plan)
    response = client.post(
        import_url(site), {"file": upload("same.xlsx", to_bytes(exported(site.plan)))}
    )
    html = response.content.decode()
    assert 'data-testid="breakdown-result"' in html
    assert 'data-testid="breakdown-changes"' not in html
    assert 'data-testid="breakdown-problems"' not in html
    assert snapshot(site.plan) == before


def test_no_file_is_a_form_error(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.alice)
    response = client.post(import_url(site), {})
    assert response.status_code == 200
    assert 'class="field-error"' in response.content.decode()


def test_an_oversized_upload_is_refused_by_the_form(
    site: GuangzhouSite, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from actionplan.plans.views import breakdown

    monkeypatch.setattr(breakdown, "MAX_FILE_BYTES", 100)
    client.force_login(site.alice)
    before = snapshot(site.plan)
    response = client.post(import_url(site), {"file": upload("big.xlsx", b"PK" + b"0" * 200)})
    assert 'class="field-error"' in response.content.decode()
    assert snapshot(site.plan) == before


def test_the_page_speaks_english_when_asked(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.alice)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.post(
        import_url(site), {"file": upload("bad.xlsx", filled(site, D="市商务厅"))}
    )
    html = response.content.decode()
    assert "Unknown unit “市商务厅”. Did you mean" in html
    assert "Nothing was imported" in html


def test_the_problems_are_in_chinese_by_default(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.alice)
    response = client.post(
        import_url(site), {"file": upload("bad.xlsx", filled(site, D="市商务厅", F="明年"))}
    )
    html = response.content.decode()
    assert "未知单位“市商务厅”。是否指：市商务局" in html
    assert "无法将“明年”读作日期" in html
    assert "未导入任何内容：文件有 2 个问题。" in html


def test_the_heading_gives_the_chinese_name_once(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.alice)
    html = client.get(import_url(site)).content.decode()
    assert html.count("任务分解表</h1>") == 1 and "<h1>任务分解表</h1>" in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(import_url(site)).content.decode()
    assert '<h1>Task breakdown table <span class="muted" lang="zh">任务分解表</span></h1>' in html
