"""``actionplan manage …``: Django's own commands (migrate, createsuperuser,
collectstatic, …) with actionplan's settings."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "manage",
        help="run a Django management command (migrate, createsuperuser, …)",
        description="Run a Django management command with actionplan's settings.",
        add_help=False,
    )
    # argparse's REMAINDER does not take a leading option: catch --help here
    # and show Django's own list of commands.
    parser.add_argument("-h", "--help", dest="django_help", action="store_true")
    parser.add_argument("arguments", nargs=argparse.REMAINDER)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from actionplan.cli.django_cmds import SetupFailed, fail, setup_django

    try:
        setup_django()
    except SetupFailed as exc:
        return fail("manage", str(exc))
    from django.core.management import execute_from_command_line

    arguments = ["help"] if args.django_help and not args.arguments else args.arguments
    execute_from_command_line(["actionplan manage", *(arguments or ["help"])])
    return 0
