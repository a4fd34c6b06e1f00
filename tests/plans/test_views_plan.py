"""The plan overview, the task page and the unit pages: the outline with its
units and counts, the target sentences marked in a task's text, the
illustrative assignment said for what it is, and empty states explained."""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth.models import User
from django.test import Client
from tests.plans.views_support import GuangzhouSite, guangzhou_site, site

from actionplan.plans.models import Unit

__all__ = ["guangzhou_site", "site"]  # fixtures used by the tests below


def get(client: Client, user: User, url: str) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def task_row(html: str, number: str) -> str:
    match = re.search(
        rf'<li class="task-row" id="task-\d+">\s*'
        rf'<span class="task-row__num">{number}</span>.*?</li>',
        html,
        re.DOTALL,
    )
    assert match is not None
    return match.group(0)


def test_the_plan_list_links_the_guangzhou_plan(site: GuangzhouSite, client: Client) -> None:
    html = get(client, site.bob, "/")
    assert f'href="/plans/{site.plan.code}/"' in html
    assert "2018–2020" in html


def test_the_overview_shows_the_outline_with_units_and_counts(
    site: GuangzhouSite, client: Client
) -> None:
    html = get(client, site.alice, site.pages()["plan overview"])
    assert "二、重点任务" in html
    assert "(五)营造高水平的国际化服务环境" in html
    row = task_row(html, "18")
    assert f'href="/tasks/{site.airport_task.pk}/"' in row
    assert "建设通达高效的国际综合交通枢纽" in row
    assert "市交通运输局" in row  # the lead unit
    assert "广州空港经济区管委会" in row  # a cooperating unit
    assert (
        re.search(r"<strong>10</strong>\s*\S*指标", row) or "<strong>10</strong> indicators" in row
    )
    assert "2018–2020" in html
    assert "1 <span" in html.split("Version", 1)[-1][:200] or "版本" in html


def test_the_overview_marks_the_demo_assignment_as_illustrative(
    site: GuangzhouSite, client: Client
) -> None:
    html = get(client, site.alice, site.pages()["plan overview"])
    assert "示例分工" in task_row(html, "18")
    assert 'class="callout"' in html


def test_the_task_page_marks_the_sentences_that_set_targets(
    site: GuangzhouSite, client: Client
) -> None:
    html = get(client, site.lee, site.pages()["task"])
    marked = re.findall(r'<mark class="target-sentence">(.*?)</mark>', html, re.DOTALL)
    assert any("白云国际机场旅客吞吐量达到8000万人次" in m for m in marked)
    # Sentences without a target stay unmarked.
    assert not any(m.startswith("完善大交通综合网络体系") for m in marked)


def test_the_task_page_lists_measures_units_and_indicators(
    site: GuangzhouSite, client: Client
) -> None:
    html = get(client, site.lee, site.pages()["task"])
    assert "推进白云国际机场第三航站楼" in html  # a measure
    assert "市交通运输局" in html  # the lead unit
    assert f'href="/indicators/{site.airport.pk}/"' in html
    assert "≥ 80,000,000" in html
    assert "43,768,100" in html  # the counted 2020 figure, in the target-year column
    assert "示例分工" in html


def test_the_task_page_shows_milestones_with_what_became_of_them(
    site: GuangzhouSite, client: Client
) -> None:
    task = next(
        t for t in site.plan.tasks.all() if t.milestones.filter(outcome="postponed").exists()
    )
    html = get(client, site.lee, f"/tasks/{task.pk}/")
    assert "tag--postponed" in html
    milestone = task.milestones.filter(outcome="postponed").first()
    assert milestone is not None
    assert milestone.title in html
    if milestone.evidence_url:
        assert f'href="{milestone.evidence_url}"' in html


def test_the_unit_page_lists_the_tasks_it_leads_and_their_indicators(
    site: GuangzhouSite, client: Client
) -> None:
    html = get(client, site.bob, site.pages()["unit"])
    assert "广州空港经济区管委会" in html
    lead = html.split('id="lead-heading"', 1)[1].split("</section>", 1)[0]
    coop = html.split('id="coop-heading"', 1)[1].split("</section>", 1)[0]
    # It leads a measure of task 18 and cooperates on the task itself.
    assert "建设通达高效的国际综合交通枢纽" in lead
    assert "建设通达高效的国际综合交通枢纽" in coop
    assert "白云国际机场旅客吞吐量" in html.split('id="indicators-heading"', 1)[1]
    assert "示例分工" in html


def test_the_unit_list_counts_each_units_tasks(site: GuangzhouSite, client: Client) -> None:
    html = get(client, site.lee, "/units/")
    assert f'href="/units/{site.airport_unit.pk}/"' in html
    assert "市交通运输局" in html
    assert "示例分工" in html


def test_a_unit_without_tasks_says_so(site: GuangzhouSite, client: Client) -> None:
    idle = Unit.objects.create(name_zh="市档案馆", name_en="Municipal Archives")
    html = get(client, site.lee, f"/units/{idle.pk}/")
    assert html.count('class="empty"') >= 3


def test_each_page_costs_a_fixed_handful_of_queries(
    site: GuangzhouSite, client: Client, django_assert_max_num_queries: Any
) -> None:
    # 20 tasks, 66 assignments, 54 observations: no page may ask per row.
    client.force_login(site.lee)
    for url in site.pages().values():
        with django_assert_max_num_queries(20):
            assert client.get(url).status_code == 200
