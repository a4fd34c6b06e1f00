"""The pages must work offline: no template or stylesheet of ours loads a
script, style, font or image from another host, and every vendored asset the
templates name is in the static files."""

from __future__ import annotations

import re
from pathlib import Path

import actionplan

PACKAGE = Path(actionplan.__file__).resolve().parent
SITE_STATIC = PACKAGE / "site" / "static"

TEMPLATES = sorted(p for p in PACKAGE.rglob("templates/**/*.html") if p.is_file())
OUR_CSS_JS = sorted((SITE_STATIC / "actionplan").rglob("*.[cj]s*"))

# An attribute that makes the browser fetch something, pointing at another host.
REMOTE_FETCH = re.compile(
    r"""<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?"""
    r"""\b(?:src|href|data|srcset)\s*=\s*["']?\s*(?:https?:)?//""",
    re.IGNORECASE | re.DOTALL,
)
REMOTE_CSS = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])\s*(?:https?:)?//""", re.IGNORECASE)
STATIC_TAG = re.compile(r"""\{%\s*static\s+["']([^"']+)["']\s*%\}""")


def test_there_are_templates_to_check() -> None:
    names = {p.name for p in TEMPLATES}
    assert {"base.html", "login.html", "indicator_detail.html"} <= names


def test_no_template_loads_anything_from_another_host() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}: {match.group(0)[:80]}"
        for path in TEMPLATES
        for match in REMOTE_FETCH.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_no_stylesheet_or_script_of_ours_loads_anything_from_another_host() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}: {match.group(0)}"
        for path in OUR_CSS_JS
        for match in REMOTE_CSS.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_every_static_file_a_template_names_exists() -> None:
    named = {
        name for path in TEMPLATES for name in STATIC_TAG.findall(path.read_text(encoding="utf-8"))
    }
    assert "vendor/chart.js/chart.umd.min.js" in named
    assert "vendor/htmx.org/htmx.min.js" in named
    missing = sorted(name for name in named if not (SITE_STATIC / name).is_file())
    assert missing == []


def test_vendored_packages_carry_their_licences_and_are_listed() -> None:
    readme = (SITE_STATIC / "vendor" / "README.md").read_text(encoding="utf-8")
    for package, licence in [("chart.js", "LICENSE.md"), ("htmx.org", "LICENSE")]:
        assert (SITE_STATIC / "vendor" / package / licence).is_file()
        assert f"[{package}]" in readme
