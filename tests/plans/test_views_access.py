"""Who may open the pages: anonymous visitors are sent to sign in, a user
without a role is refused, everyone with a role reads every page; the
language switch is on every page and changes the interface language."""

from __future__ import annotations

import pytest
from django.test import Client
from tests.plans.views_support import PASSWORD, GuangzhouSite, guangzhou_site, site

__all__ = ["guangzhou_site", "site"]  # fixtures used by the tests below

PAGES = ["plan list", "plan overview", "task", "indicator", "unit list", "unit"]


@pytest.mark.parametrize("page", PAGES)
def test_an_anonymous_visitor_is_sent_to_sign_in(
    site: GuangzhouSite, client: Client, page: str
) -> None:
    url = site.pages()[page]
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("who", ["alice", "bob", "lee"])
def test_every_role_reads_every_page(
    site: GuangzhouSite, client: Client, page: str, who: str
) -> None:
    client.force_login(getattr(site, who))
    response = client.get(site.pages()[page])
    assert response.status_code == 200
    html = response.content.decode()
    # The language switch and the sign-out form are on every page.
    assert 'action="/i18n/setlang/"' in html
    assert 'name="language" value="en"' in html
    assert 'action="/accounts/logout/"' in html


@pytest.mark.parametrize("page", PAGES)
def test_charlie_without_a_role_is_refused(site: GuangzhouSite, client: Client, page: str) -> None:
    client.force_login(site.charlie)
    response = client.get(site.pages()[page])
    assert response.status_code == 403
    assert "403" in response.content.decode()


def test_the_header_names_the_user_and_the_role(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.bob)
    html = client.get("/").content.decode()
    assert "bob" in html
    assert "填报员" in html or "unit reporter" in html
    assert "广州空港经济区管委会" in html


def test_alice_signs_in_with_her_password_and_lands_on_the_plans(
    site: GuangzhouSite, client: Client
) -> None:
    page = client.get("/accounts/login/")
    assert page.status_code == 200
    assert 'autocomplete="current-password"' in page.content.decode()
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200


def test_a_wrong_password_is_refused_with_a_message(site: GuangzhouSite, client: Client) -> None:
    response = client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


def test_signing_out_ends_the_session(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.alice)
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/").status_code == 302


def test_the_interface_is_chinese_by_default_and_english_after_the_switch(
    site: GuangzhouSite, client: Client
) -> None:
    client.force_login(site.lee)
    url = site.pages()["plan overview"]
    chinese = client.get(url).content.decode()
    assert '<html lang="zh-hans">' in chinese
    assert "退出登录" in chinese
    assert "示例分工" in chinese

    switched = client.post("/i18n/setlang/", {"language": "en", "next": url})
    assert switched.status_code == 302
    assert switched["Location"] == url
    english = client.get(url).content.decode()
    assert '<html lang="en">' in english
    assert "Sign out" in english
    assert "illustrative assignment" in english
    # Plan content keeps its own language.
    assert "建设通达高效的国际综合交通枢纽" in english


def test_an_unknown_page_is_a_friendly_404(site: GuangzhouSite, client: Client) -> None:
    client.force_login(site.alice)
    response = client.get("/indicators/999999/")
    assert response.status_code == 404
    assert "404" in response.content.decode()
