"""Pages with nothing to show say why and what to do."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.template import loader
from django.test import Client

from actionplan.plans.models import Role
from actionplan.plans.services.roles import grant_role


def get(client: Client, user: User, url: str) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_without_a_plan_the_list_says_how_to_import_one(db: None, client: Client) -> None:
    dora = User.objects.create_user("dora")
    grant_role(None, dora, Role.LEADER)
    html = get(client, dora, "/")
    assert "actionplan import FILE" in html


def test_without_units_the_unit_list_says_who_adds_them(db: None, client: Client) -> None:
    lee = User.objects.create_user("lee")
    grant_role(None, lee, Role.LEADER)
    html = get(client, lee, "/units/")
    assert 'class="empty"' in html


def test_the_server_error_page_renders_without_a_request() -> None:
    # Django renders 500.html with no context at all: it must not need a user,
    # a CSRF token or a URL it would have to reverse.
    html = loader.get_template("500.html").render()
    assert "服务器出错了" in html
    assert "Something went wrong on the server" in html
