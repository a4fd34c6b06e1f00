"""The dashboard's cached body is renewed when a change commits, and not
before: committed for real (transactional tests, a cache in memory)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone
from tests.oversight.test_dashboard_views import dashboard_url, english, verdict_statuses
from tests.plans.views_support import build_guangzhou_site

from actionplan import engine
from actionplan.oversight import freshness
from actionplan.oversight.refresh import refresh_plan
from actionplan.oversight.status_models import IndicatorStatus
from actionplan.plans.models import Unit

LOCAL_CACHE = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("local_cache")]


@pytest.fixture
def local_cache() -> object:
    with override_settings(CACHES=LOCAL_CACHE):
        cache.clear()
        yield
        cache.clear()


def test_a_part_is_built_once_until_a_change_commits() -> None:
    built: list[int] = []

    def build() -> str:
        built.append(1)
        return f"version {len(built)}"

    assert freshness.cached(("part",), build) == "version 1"
    assert freshness.cached(("part",), build) == "version 1"
    with transaction.atomic():
        Unit.objects.create(name_zh="甲单位")
        Unit.objects.create(name_zh="乙单位")
        # Not committed yet: a page built now would show data that may roll back.
        assert freshness.cached(("part",), build) == "version 1"
    assert freshness.cached(("part",), build) == "version 2"
    assert len(built) == 2
    with transaction.atomic():
        Unit.objects.create(name_zh="丙单位")
        transaction.set_rollback(True)
    assert freshness.cached(("part",), build) == "version 2"  # nothing committed


def test_the_dashboard_body_follows_committed_changes(client: Client) -> None:
    site = build_guangzhou_site()
    # Statuses stored beforehand: the first view has nothing to refresh (a
    # view that refreshes renews the token itself, so its body is not kept).
    refresh_plan(site.plan, timezone.localdate())
    client.force_login(site.lee)
    airport = site.airport.code
    first = verdict_statuses(english(client, dashboard_url(site)))[airport]
    assert first != engine.Status.OFF_TRACK.slug
    # A bulk update sends no signal: the cached body stands (MAX_AGE at most).
    IndicatorStatus.objects.filter(indicator=site.airport).update(status=engine.Status.OFF_TRACK)
    assert verdict_statuses(english(client, dashboard_url(site)))[airport] == first
    site.airport.note = "corrected"
    site.airport.save()
    assert verdict_statuses(english(client, dashboard_url(site)))[airport] == (
        engine.Status.OFF_TRACK.slug
    )
