"""The indicator page shows the airport's real figures honestly: the target
and where it came from, every observation with its source and qualifier,
the 2020 disagreement side by side, and the coordinator's choice."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from tests.plans.views_support import GuangzhouSite, guangzhou_site, site

from actionplan.plans.models import Indicator, Observation

__all__ = ["guangzhou_site", "site"]  # fixtures used by the tests below


def page(client: Client, site: GuangzhouSite, indicator: Indicator | None = None) -> str:
    client.force_login(site.lee)
    response = client.get(f"/indicators/{(indicator or site.airport).pk}/")
    assert response.status_code == 200
    return response.content.decode()


def rows(html: str) -> list[str]:
    table = html.split('id="observations"', 1)[1].split("</table>", 1)[0]
    return re.findall(r"<tr\b.*?</tr>", table, re.DOTALL)


def chart(html: str) -> dict:  # type: ignore[type-arg]
    island = re.search(
        r'<script id="indicator-chart-data" type="application/json">(.*?)</script>', html, re.DOTALL
    )
    assert island is not None
    return json.loads(island.group(1))  # type: ignore[no-any-return]


def test_the_airport_page_shows_the_target_readably(site: GuangzhouSite, client: Client) -> None:
    html = page(client, site)
    assert "白云国际机场旅客吞吐量" in html
    assert "≥ 80,000,000" in html
    assert "8,000万" in html
    assert "2020" in html.split('data-testid="target"', 1)[1][:600]


def test_the_airport_page_quotes_the_sentence_the_target_came_from(
    site: GuangzhouSite, client: Client
) -> None:
    html = page(client, site)
    assert "到2020年,白云国际机场旅客吞吐量达到8000万人次" in html.replace("，", ",")


def test_the_2019_figure_is_listed_with_its_source_link(
    site: GuangzhouSite, client: Client
) -> None:
    html = page(client, site)
    [row] = [r for r in rows(html) if "73,390,000" in r]
    assert ">2019<" in row
    assert 'href="https://www.chinatravelnews.com/article/print/143138"' in row


def test_the_2017_figure_is_a_lower_bound(site: GuangzhouSite, client: Client) -> None:
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = page(client, site)
    [row] = [r for r in rows(html) if "65,000,000" in r]
    assert ">2017<" in row
    assert "≥ 65,000,000" in row
    assert "at least" in row
    assert 'href="http://www.ecns.cn/travel/2017/12-27/286087.shtml"' in row


def test_both_2020_figures_are_shown_with_the_disagreement(
    site: GuangzhouSite, client: Client
) -> None:
    html = page(client, site)
    disagreement = html.split('id="disagreements"', 1)[1].split("</section>", 1)[0]
    assert "43,768,100" in disagreement
    assert "43,760,400" in disagreement
    assert len(re.findall(r'class="disagreement__side[" ]', disagreement)) == 2
    # Until the coordinator chooses, the more authoritative source counts (press over weak).
    counted = disagreement.split("is-preferred", 1)[1]
    assert counted.index("43,768,100") < counted.index("43,760,400")
    twenty = [r for r in rows(html) if ">2020<" in r]
    assert len(twenty) == 2
    assert "is-superseded" in next(r for r in twenty if "43,760,400" in r)


def test_the_chart_data_marks_lower_bounds_the_target_and_the_path_to_it(
    site: GuangzhouSite, client: Client
) -> None:
    data = chart(page(client, site))
    by_value = {p["y"]: p for p in data["points"]}
    assert by_value[65_000_000]["series"] == "lower_bound"
    assert by_value[73_390_000]["series"] == "observed"
    assert by_value[43_768_100]["series"] == "observed"
    assert by_value[43_760_400]["series"] == "superseded"
    assert data["target"]["x"] == 2020
    assert data["target"]["y"] == 80_000_000
    # No baseline in the plan: the path starts at the earliest full figure (2017).
    assert data["trajectory"][0] == {"x": 2017.0, "y": 65_000_000.0}
    assert data["trajectory"][1] == {"x": 2020.0, "y": 80_000_000.0}
    assert set(data["labels"]) >= {"observed", "lower_bound", "partial", "target", "trajectory"}


def test_a_part_of_a_year_is_drawn_and_listed_as_such(site: GuangzhouSite, client: Client) -> None:
    cargo = Indicator.objects.get(plan=site.plan, code="port_cargo_throughput")
    html = page(client, site, cargo)
    assert "2019年1–11月" in html
    assert "partial" in {p["series"] for p in chart(html)["points"]}


def test_years_without_a_full_year_figure_are_named_as_gaps(
    site: GuangzhouSite, client: Client
) -> None:
    tourists = Indicator.objects.get(plan=site.plan, code="inbound_overnight_tourists")
    html = page(client, site, tourists)
    gaps = html.split("callout--warn small", 1)[1].split("</p>", 1)[0]
    assert "2019" in gaps


def test_an_indicator_without_figures_explains_the_empty_table(
    site: GuangzhouSite, client: Client
) -> None:
    capacity = Indicator.objects.get(plan=site.plan, code="port_capacity_added")
    html = page(client, site, capacity)
    assert 'id="observations"' not in html
    assert "empty" in html.split("observations-heading", 1)[1]


def weak_2020(site: GuangzhouSite) -> Observation:
    return Observation.objects.get(indicator=site.airport, value=43_760_400)


@pytest.mark.parametrize("who", ["bob", "lee", "charlie"])
def test_only_the_coordinator_may_choose_which_figure_counts(
    site: GuangzhouSite, client: Client, who: str
) -> None:
    client.force_login(getattr(site, who))
    response = client.post(f"/observations/{weak_2020(site).pk}/prefer/")
    assert response.status_code == 403
    assert not weak_2020(site).is_preferred


def test_the_choice_button_is_shown_to_the_coordinator_only(
    site: GuangzhouSite, client: Client
) -> None:
    url = f"/observations/{weak_2020(site).pk}/prefer/"
    client.force_login(site.bob)
    assert url not in client.get(f"/indicators/{site.airport.pk}/").content.decode()
    client.force_login(site.alice)
    assert url in client.get(f"/indicators/{site.airport.pk}/").content.decode()


def test_alice_marks_the_figure_that_counts(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.alice)
    response = client.post(f"/observations/{weak_2020(site).pk}/prefer/")
    assert response.status_code == 302
    assert response["Location"] == f"/indicators/{site.airport.pk}/#disagreements"
    assert weak_2020(site).is_preferred
    html = client.get(response["Location"]).content.decode()
    counted = html.split('id="disagreements"', 1)[1].split("is-preferred", 1)[1]
    assert counted.index("43,760,400") < counted.index("43,768,100")
    assert "43,760,400" in html.split('id="messages"', 1)[1].split("</div>", 1)[0]
    by_value = {p["y"]: p["series"] for p in chart(html)["points"]}
    assert by_value[43_760_400] == "observed"
    assert by_value[43_768_100] == "superseded"


def test_choosing_by_get_is_not_allowed(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.alice)
    assert client.get(f"/observations/{weak_2020(site).pk}/prefer/").status_code == 405


def test_an_anonymous_choice_is_sent_to_sign_in(site: GuangzhouSite, client: Client) -> None:
    response = client.post(f"/observations/{weak_2020(site).pk}/prefer/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not weak_2020(site).is_preferred
