"""The ``actionplan`` command.

Each subcommand lives in its own module and registers itself here. Commands
of the pure core (``extract``) never import Django; commands that need the
database configure Django only when they run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from actionplan import __version__
from actionplan.cli import breakdown_cmd, django_cmds, extract_cmd


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="actionplan",
        description="Turn a government action plan into something an office can run.",
    )
    parser.add_argument("--version", action="version", version=f"actionplan {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    extract_cmd.register(commands)
    django_cmds.register(commands)
    breakdown_cmd.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
