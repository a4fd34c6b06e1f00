"""The interface is complete in both languages: the catalogues have no
untranslated or fuzzy entries, and the compiled .mo files say the same as the
.po files they were compiled from (so nobody ships a stale translation).

The .po reader here is deliberately small: it needs no gettext at test time."""

from __future__ import annotations

import ast
import gettext
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import actionplan

LOCALE = Path(actionplan.__file__).resolve().parent / "site" / "locale"


@dataclass
class Entry:
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False


def read_po(path: Path) -> list[Entry]:
    entries: list[Entry] = []
    entry = Entry()
    current: tuple[str, int] | None = None

    def finish() -> None:
        nonlocal entry, current
        if entry.msgid or entry.msgstr or entry.msgctxt is not None:
            entries.append(entry)
        entry, current = Entry(), None

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            entry.obsolete = True
            continue
        if line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            keyword, rest = "", line
        text = ast.literal_eval(rest)
        if keyword == "msgctxt":
            current = ("msgctxt", 0)
            entry.msgctxt = text
        elif keyword == "msgid":
            current = ("msgid", 0)
            entry.msgid = text
        elif keyword == "msgid_plural":
            current = ("msgid_plural", 0)
            entry.msgid_plural = text
        elif keyword.startswith("msgstr"):
            index = int(keyword[7:-1]) if keyword != "msgstr" else 0
            current = ("msgstr", index)
            entry.msgstr[index] = text
        elif keyword == "" and current is not None:
            name, index = current
            if name == "msgstr":
                entry.msgstr[index] += text
            elif name == "msgctxt":
                entry.msgctxt = (entry.msgctxt or "") + text
            else:
                setattr(entry, name, getattr(entry, name) + text)
        else:
            raise AssertionError(f"{path}: cannot read line {raw!r}")
    finish()
    return [e for e in entries if not e.obsolete]


def messages(entries: list[Entry]) -> list[Entry]:
    """The real messages: everything but the header entry."""
    return [e for e in entries if e.msgid]


def catalogue(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("language", ["zh_Hans", "en"])
def test_catalogue_has_no_fuzzy_or_untranslated_entries(language: str) -> None:
    entries = messages(read_po(catalogue(language)))
    assert len(entries) > 100, "the catalogue looks empty: run makemessages"
    fuzzy = [e.msgid for e in entries if "fuzzy" in e.flags]
    untranslated = [e.msgid for e in entries if not all(e.msgstr.values()) or not e.msgstr]
    assert fuzzy == []
    assert untranslated == []


def test_chinese_catalogue_translates_the_interface_into_chinese() -> None:
    entries = {e.msgid: e.msgstr[0] for e in messages(read_po(catalogue("zh_Hans")))}
    assert entries["Sign in"] == "登录"
    assert entries["Target"] == "目标值"


@pytest.mark.parametrize("language", ["zh_Hans", "en"])
def test_compiled_catalogue_is_in_sync_with_its_source(language: str) -> None:
    po = catalogue(language)
    with po.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    expected: dict[object, str] = {}
    for e in messages(read_po(po)):
        if "fuzzy" in e.flags:
            continue
        key = e.msgid if e.msgctxt is None else f"{e.msgctxt}\x04{e.msgid}"
        if e.msgid_plural is None:
            expected[key] = e.msgstr[0]
        else:
            for index, text in e.msgstr.items():
                expected[(key, index)] = text
    compiled = {k: v for k, v in compiled.items() if k != "" and k != ("", 0)}
    assert compiled == expected, "the .mo is stale: run compilemessages"
