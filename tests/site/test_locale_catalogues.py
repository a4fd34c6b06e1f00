"""The interface is complete in both languages.

- every translatable string in the code and templates is in the catalogues
  (makemessages over the sources adds nothing);
- the catalogues have no untranslated or fuzzy entries;
- the compiled .mo files say the same as the .po files they were compiled
  from, so nobody ships a stale translation.
"""

from __future__ import annotations

import gettext
import os
import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.test import override_settings

import actionplan

PACKAGE = Path(actionplan.__file__).resolve().parent
LOCALE = PACKAGE / "site" / "locale"
LANGUAGES = ("zh_Hans", "en")


def catalogue(language: str, root: Path = LOCALE) -> polib.POFile:
    return polib.pofile(str(root / language / "LC_MESSAGES" / "django.po"))


def problems(po: polib.POFile) -> dict[str, list[str]]:
    return {
        "fuzzy": [e.msgid for e in po.fuzzy_entries()],
        "untranslated": [e.msgid for e in po.untranslated_entries()],
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_fuzzy_or_untranslated_entries(language: str) -> None:
    po = catalogue(language)
    assert len(po.translated_entries()) > 100, "the catalogue looks empty: run makemessages"
    assert problems(po) == {"fuzzy": [], "untranslated": []}


def test_chinese_catalogue_translates_the_interface_into_chinese() -> None:
    entries = {e.msgid: e.msgstr for e in catalogue("zh_Hans")}
    assert entries["Sign in"] == "登录"
    assert entries["Target"] == "目标值"


def test_every_string_of_the_code_is_in_the_catalogues(tmp_path: Path) -> None:
    # makemessages merges what the sources say into a copy of the catalogues:
    # a string added to the code without a translation shows up as new.
    # It needs GNU gettext's xgettext (scripts/system-deps installs it).
    assert shutil.which("xgettext"), "install gettext: scripts/system-deps"
    shutil.copytree(LOCALE, tmp_path / "locale")
    cwd = Path.cwd()
    os.chdir(PACKAGE)
    try:
        with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
            call_command(
                "makemessages",
                locale=list(LANGUAGES),
                ignore_patterns=["extract/*", "data/*", "site/locale/*"],
                add_location="file",
                verbosity=0,
            )
    finally:
        os.chdir(cwd)
    for language in LANGUAGES:
        assert problems(catalogue(language, tmp_path / "locale")) == {
            "fuzzy": [],
            "untranslated": [],
        }, f"{language}: run makemessages and translate (see site/locale/README.md)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_is_in_sync_with_its_source(language: str) -> None:
    po = catalogue(language)
    mo_path = LOCALE / language / "LC_MESSAGES" / "django.mo"
    with mo_path.open("rb") as handle:
        compiled = dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]
    expected: dict[object, str] = {}
    for entry in po.translated_entries():
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.msgid_plural:
            for index, text in entry.msgstr_plural.items():
                expected[(key, int(index))] = text
        else:
            expected[key] = entry.msgstr
    compiled = {k: v for k, v in compiled.items() if k not in ("", ("", 0))}
    assert compiled == expected, "the .mo is stale: run compilemessages"
