"""A real browser for the page tests: Debian's Chromium driven by Playwright.

Never downloads a browser: it launches ``/usr/bin/chromium`` (installed by
``scripts/system-deps``). Every request the page makes is watched; anything
not addressed to the live server's own host is refused and reported, so a
test fails if a page tries to reach the network (a CDN, a font service).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request, Response, Route, sync_playwright
from tests.plans.views_support import PASSWORD, GuangzhouSite, build_guangzhou_site

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


@dataclass
class Traffic:
    """What the page asked for, sorted by what became of it."""

    external: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)
    loaded: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def problems(self) -> dict[str, list[str]]:
        """Everything that went wrong, by kind; empty when the pages behaved."""
        found = {
            "requests to other hosts": self.external,
            "failed requests": self.failed,
            "not found (404)": self.not_found,
            "script errors": self.errors,
        }
        return {kind: urls for kind, urls in found.items() if urls}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/system-deps (installs Debian's chromium)")
    # Playwright's sync API runs an event loop in this thread; Django refuses
    # database calls from a thread with a running loop unless told it is safe.
    # Only while the browser runs: the other tests keep Django's check.
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture
def traffic() -> Traffic:
    return Traffic()


@pytest.fixture
def page(browser: Browser, traffic: Traffic) -> Iterator[Page]:
    # A reader in China: the browser asks for Chinese, as the office's machines do.
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})

    def guard(route: Route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about") or parts.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            traffic.external.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.set_default_timeout(15_000)

    def on_failed(request: Request) -> None:
        # A request cut short by the next navigation (a favicon, say) is not a
        # failure of the page; refused external requests are counted above.
        if request.failure != "net::ERR_ABORTED":
            traffic.failed.append(f"{request.url} ({request.failure})")

    page.on("requestfailed", on_failed)

    def on_response(response: Response) -> None:
        url = response.url
        if response.status == 404:
            traffic.not_found.append(url)
        else:
            traffic.loaded.append(url)

    page.on("response", on_response)
    page.on("pageerror", lambda error: traffic.errors.append(str(error)))
    page.on(
        "console",
        lambda message: traffic.errors.append(message.text) if message.type == "error" else None,
    )
    yield page
    context.close()


@pytest.fixture
def guangzhou(transactional_db: None) -> GuangzhouSite:
    """The Guangzhou default and the named users, committed so that the live
    server's thread sees them (the database is emptied after each test)."""
    return build_guangzhou_site()


def sign_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/")
    page.wait_for_url("**/accounts/login/**")
    page.get_by_label(re.compile("用户名|Username")).fill(username)
    page.get_by_label(re.compile("密码|Password")).fill(PASSWORD)
    page.locator("form .button--primary").click()
    page.wait_for_url(f"{base_url}/")
