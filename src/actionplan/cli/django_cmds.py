"""The commands that need the database: ``import``, ``demo`` and ``manage``.

They configure Django only when they run, so that ``actionplan extract``
never imports it.
"""

from __future__ import annotations

import argparse
import os
import sys

from actionplan.cli import demo_cmd, import_cmd, manage_cmd, refresh_cmd, remind_cmd

SETTINGS = "actionplan.site.settings"


class SetupFailed(Exception):
    """The settings cannot be loaded; ``str()`` is one line."""


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        raise SetupFailed(f"configuration: {exc}") from None


def fail(command: str, message: str) -> int:
    """Print one line on stderr; the exit code of a refused command."""
    sys.stderr.write(f"actionplan {command}: {message}\n")
    return 2


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    import_cmd.register(subparsers)
    demo_cmd.register(subparsers)
    manage_cmd.register(subparsers)
    remind_cmd.register(subparsers)
    refresh_cmd.register(subparsers)
