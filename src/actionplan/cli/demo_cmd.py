"""``actionplan demo``: migrate, load the embedded Guangzhou plan, create the
demo users, collect static files, print the address and the logins, serve
with gunicorn. Running it again keeps all data and duplicates nothing."""

from __future__ import annotations

import argparse
import os
import socket
import sys

ALL_INTERFACES = {"0.0.0.0", "::"}  # noqa: S104 — named only to recognise them


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is between 1 and 65535, not {port}")
    return port


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="load the Guangzhou plan with its real figures and serve it",
        description=(
            "Migrate the database, load the embedded Guangzhou plan (idempotent), create the "
            "demo users, collect static files, print the address and the logins, and serve "
            "with gunicorn. Data goes to ACTIONPLAN_DATA_DIR (default ./var)."
        ),
    )
    parser.add_argument(
        "--host", default=os.environ.get("HOST") or "127.0.0.1", help="default: $HOST or 127.0.0.1"
    )
    parser.add_argument(
        "--port",
        type=_port,
        default=os.environ.get("PORT") or "8000",
        help="default: $PORT or 8000",
    )
    parser.add_argument(
        "--no-serve", action="store_true", help="prepare everything, print the logins, stop"
    )
    parser.set_defaults(run=run)


def _url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ALL_INTERFACES else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def _bind(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _port_taken(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


def run(args: argparse.Namespace) -> int:
    from actionplan.cli.django_cmds import SetupFailed, fail, setup_django

    host: str = args.host
    port: int = args.port
    # The demo's own settings: a generated SECRET_KEY kept in the data
    # directory, and the host it is served on allowed.
    os.environ["ACTIONPLAN_DEMO"] = "1"
    if not os.environ.get("ALLOWED_HOSTS"):
        local = ["localhost", "127.0.0.1", "[::1]"]
        os.environ["ALLOWED_HOSTS"] = (
            "*" if host in ALL_INTERFACES else ",".join([*local, host.strip("[]")])
        )
    if not args.no_serve and _port_taken(host, port):
        return fail("demo", f"{_bind(host, port)} is in use; choose another with PORT=… or --port")
    try:
        setup_django()
    except SetupFailed as exc:
        return fail("demo", str(exc))

    from django.conf import settings
    from django.core.management import call_command
    from rich.console import Console
    from rich.table import Table

    from actionplan.plans.seeding import create_demo_users, load_default
    from actionplan.plans.seeding.errors import SeedDataError
    from actionplan.plans.sources import ImportFailed
    from actionplan.progress.seeding import load_reporting_history

    console = Console(soft_wrap=True)
    console.print("Preparing the database…")
    call_command("migrate", interactive=False, verbosity=0)
    try:
        report = load_default()
    except (ImportFailed, SeedDataError) as exc:
        return fail("demo", f"the embedded default cannot be loaded: {exc}")
    users = create_demo_users()
    reports = load_reporting_history(report.version.plan)
    call_command("collectstatic", interactive=False, verbosity=0)

    plan = report.version.plan
    if report.changed_anything:
        console.print(
            f"Loaded {plan.title} (version {report.version.number}): "
            f"{report.observations_created} observations, "
            f"{report.responsibilities_created} unit assignments, "
            f"{report.indicators_added} indicators followed without a target."
        )
    else:
        console.print(f"{plan.title}: already loaded, nothing changed.")
    if reports:
        console.print(f"Quarterly reporting periods and {reports} illustrative reports created.")
    logins = Table("user", "password", "role", title="Demo logins")
    for user in users:
        role = user.role.label + (f" — {user.unit}" if user.unit else "")
        logins.add_row(user.username, user.password, str(role))
    console.print(logins)
    console.print(
        "Lead and cooperating units are an illustrative assignment (示例分工), not the plan's own."
    )
    console.print(f"Data: {settings.DATA_DIR}")
    console.print(f"actionplan is at [bold]{_url(host, port)}[/]")
    if args.no_serve:
        return 0
    sys.stdout.flush()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "actionplan.site.wsgi:application",
        "--bind",
        _bind(host, port),
        "--workers",
        "2",
        "--access-logfile",
        "-",
    ]
    # Replace this process: Ctrl-C stops the server directly.
    os.execv(sys.executable, command)  # noqa: S606 — fixed arguments, our own interpreter
    return 0  # pragma: no cover
