"""PostgreSQL at bench size: loading, a full recompute, the update after one
approval and the supervision dashboard under concurrent clients.

The database named by ``BENCH_DATABASE_URL`` (default
``postgres://postgres@127.0.0.1:5432/actionplan_bench``; its name must
contain ``bench``, as it is dropped and created again) receives the engine
bench's synthetic portfolio at ``SCALE`` (``bench.postgres_portfolio``: at
``SCALE`` 1, 10,000 tasks, 100,000 indicators, 1,000,000 observations, 500
units) and is dropped at the end. Run on its own with
``python -m bench.postgres_bench``; ``make bench`` runs it in a subprocess
(Django reads its settings once per process, and the bench before it has
set them up on SQLite). Prints ``name: value unit`` lines:

- ``pg_migrate_s``: migrating the empty database;
- ``pg_load_s``: writing the portfolio (``COPY`` for the big tables) and
  ``ANALYZE``; then the sizes (``pg_tasks`` … ``pg_reports``,
  ``pg_database_mb``);
- ``pg_recompute_s``: ``refresh_plan(plan, today)`` on a cold store: every
  indicator and approved figure read from PostgreSQL, evaluated, every
  status stored; ``pg_recompute_again_s`` the same once the rows exist (run
  when the first took less than ``AGAIN_UNDER_S``); ``pg_statuses``: the
  stored statuses by engine status code (0 achieved … 7 no target);
- ``pg_update_after_approval_ms``: one submitted figure approved
  (``review_figure``), then ``refresh_indicators([its indicator], today)``,
  median of 20 runs;
- the dashboard (``oversight:dashboard`` of the plan for today), served by
  gunicorn (``dashboard_workers`` × ``dashboard_threads``) on loopback to
  the signed-in leader: ``dashboard_first_ms`` one request alone, the
  first since the data last changed (nothing the site caches is warm yet),
  checked to be the dashboard with its list of units that have not
  reported (``dashboard_page_kb`` its size); then ``dashboard_clients``
  clients in a closed loop, a fresh connection per request, for
  ``DURATION_S`` seconds after ``WARM_UP_S`` of warm-up: ``dashboard_requests`` (those started in
  the measured window), ``dashboard_median_ms`` and ``dashboard_p95_ms``
  (over every measured request, failed ones at the time they took),
  ``dashboard_errors`` (a status other than 200, an exception, or no answer
  within ``REQUEST_TIMEOUT_S``) — goal: p95 under 150 ms, no errors;
  ``dashboard_db`` the database it read;
- ``pg_bench_s``: the wall time of all of it.

Without a reachable PostgreSQL it prints one ``pg_bench: skipped …`` line.
"""

from __future__ import annotations

import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import numpy as np

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/actionplan_bench"
AGAIN_UNDER_S = 60.0
CLIENTS = 16
WARM_UP_S = 3.0
DURATION_S = 20.0
REQUEST_TIMEOUT_S = 30.0
FIRST_TIMEOUT_S = 120.0
REBUILDS = 10  # requests timed right after the cache was told data changed
READY_TIMEOUT_S = 60.0
# Two cores, shared with PostgreSQL and the clients. Tried at SCALE 1 (16
# clients, 20 s): 3 sync workers gave the lowest p95; 2 leave a core idle
# while a worker waits on the database; 4, 5 and 8 only add context switches
# and connections (p95 from slightly to much higher); threads (2×2, 2×4, 4×2)
# keep the median but double p95, the requests queueing on each worker's
# GIL. BENCH_GUNICORN_WORKERS / BENCH_GUNICORN_THREADS override.
WORKERS = 3
THREADS = 1
# What only the dashboard page has: its red/amber/green totals and its list
# of units that have not reported (never empty on the bench plan).
DASHBOARD_MARKERS = ('data-testid="rag-totals"', 'data-testid="silent-units"')


def _shown(url: str) -> str:
    """The URL without its password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


def _database_name(url: str) -> str:
    from psycopg.conninfo import conninfo_to_dict

    return str(conninfo_to_dict(url).get("dbname") or "")


def _maintenance(url: str) -> Any:
    import psycopg

    return psycopg.connect(url, dbname="postgres", autocommit=True, connect_timeout=5)


def _recreate_database(url: str) -> None:
    from psycopg import sql

    name = sql.Identifier(_database_name(url))
    with _maintenance(url) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(name))


def _drop_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    try:
        with _maintenance(url) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(_database_name(url))
                )
            )
    except psycopg.Error as exc:
        print(f"pg_bench_cleanup: could not drop the bench database ({_first_line(exc)})")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _timed(action: Callable[[], object]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


# --- Django in this process ---------------------------------------------------------


def _setup(url: str, data_dir: str) -> None:
    os.environ.update(
        DATABASE_URL=url,
        DATABASE_CONN_MAX_AGE="600",
        ACTIONPLAN_DEMO="1",
        ACTIONPLAN_DATA_DIR=data_dir,
        DJANGO_SETTINGS_MODULE="actionplan.site.settings",
        DEBUG="0",
    )
    import django

    django.setup()


def _migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def _analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _vacuum() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")


def _database_mb() -> float:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        (size,) = cursor.fetchone()
    return float(size) / 1024 / 1024


def _status_counts() -> list[int]:
    from django.db.models import Count

    from actionplan.oversight.status_models import IndicatorStatus

    counts = [0] * 8
    for status, n in (
        IndicatorStatus.objects.values_list("status").annotate(n=Count("id")).order_by()
    ):
        if 0 <= status < len(counts):
            counts[status] = n
    return counts


def _update_after_approval(plan: Any, today: Any) -> float:
    from actionplan.plans.models import Indicator
    from bench.status_refresh import approve_and_time

    ids = Indicator.objects.filter(plan=plan).order_by("id").values_list("id", flat=True)
    return approve_and_time(ids[ids.count() // 2], 2025, today)


def _session_cookie(username: str) -> tuple[str, str]:
    """(cookie name, value) of a session of ``username``, stored in the
    bench database for the server to read."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    name = settings.SESSION_COOKIE_NAME
    return name, client.cookies[name].value


# --- The server and its clients -----------------------------------------------------


@dataclass(frozen=True)
class Answer:
    ok: bool
    seconds: float
    status: int
    body: bytes
    problem: str


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(port: int, path: str, cookie: str, timeout: float) -> Answer:
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    status, body, problem = 0, b"", ""
    try:
        connection.request("GET", path, headers={"Cookie": cookie})
        response = connection.getresponse()
        status, body = response.status, response.read()
    except (OSError, http.client.HTTPException) as exc:  # timeouts are OSErrors
        problem = f"{type(exc).__name__}: {exc}"
    finally:
        connection.close()
    seconds = time.perf_counter() - started
    ok = status == 200 and not problem and seconds <= timeout
    return Answer(ok, seconds, status, body, problem)


def _start_server(port: int, workers: int, threads: int, log: Path) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "actionplan.site.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--timeout",
        str(int(FIRST_TIMEOUT_S)),
        "--graceful-timeout",
        "5",
        "--error-logfile",
        str(log),
    ]
    return subprocess.Popen(  # noqa: S603 — our own interpreter, fixed arguments
        command, env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
    )


def _wait_until_ready(server: subprocess.Popen[bytes], port: int) -> bool:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        answer = _get(port, "/login/", "", 5.0)
        if answer.status:
            return True
        time.sleep(0.2)
    return False


def _stop_server(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is not None:
        return
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=15)


def _load(port: int, path: str, cookie: str) -> list[Answer]:
    """``CLIENTS`` threads in a closed loop; the answers to the requests
    started in the measured window (after the warm-up)."""
    begin = time.perf_counter()
    measure_from, stop_at = begin + WARM_UP_S, begin + WARM_UP_S + DURATION_S
    answers: list[Answer] = []

    def client() -> None:
        while (started := time.perf_counter()) < stop_at:
            answer = _get(port, path, cookie, REQUEST_TIMEOUT_S)
            if started >= measure_from:
                answers.append(Answer(answer.ok, answer.seconds, answer.status, b"", ""))

    threads = [threading.Thread(target=client, daemon=True) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=WARM_UP_S + DURATION_S + REQUEST_TIMEOUT_S + 10)
    return list(answers)


def _dashboard(bench: Any, data_dir: str) -> None:
    from django.core.management import call_command
    from django.db import connection, connections
    from django.urls import reverse

    call_command("collectstatic", interactive=False, verbosity=0)
    name, value = _session_cookie(bench.username)
    cookie = f"{name}={value}"
    path = reverse("oversight:dashboard", args=[bench.plan.code])
    vendor = connection.vendor
    connections.close_all()

    workers = int(os.environ.get("BENCH_GUNICORN_WORKERS") or WORKERS)
    threads = int(os.environ.get("BENCH_GUNICORN_THREADS") or THREADS)
    print(f"dashboard_workers: {workers} workers")
    print(f"dashboard_threads: {threads} threads")
    port = _free_port()
    log = Path(data_dir) / "gunicorn.log"
    server = _start_server(port, workers, threads, log)
    try:
        if not _wait_until_ready(server, port):
            print(f"dashboard: skipped — gunicorn did not answer on port {port}")
            _print_log_tail(log)
            return
        first = _get(port, path, cookie, FIRST_TIMEOUT_S)
        page = first.body.decode("utf-8", errors="replace")
        print(f"dashboard_first_ms: {first.seconds * 1000:.1f} ms")
        print(f"dashboard_page_kb: {len(first.body) / 1024:.1f} KB")
        if not first.ok or not all(marker in page for marker in DASHBOARD_MARKERS):
            print(
                f"dashboard_check: not the dashboard (status {first.status}"
                f"{', ' + first.problem if first.problem else ''}) — the load below will fail"
            )
        rebuilt = _rebuilt(port, path, cookie)
        print(f"dashboard_rebuilt_ms: {statistics.median(rebuilt) * 1000:.1f} ms")
        answers = _load(port, path, cookie)
    finally:
        _stop_server(server)
    latencies = np.array([a.seconds * 1000 for a in answers], dtype=np.float64)
    errors = sum(1 for a in answers if not a.ok)
    median = float(np.median(latencies)) if len(latencies) else float("nan")
    p95 = float(np.percentile(latencies, 95)) if len(latencies) else float("nan")
    print(f"dashboard_clients: {CLIENTS} clients")
    print(f"dashboard_requests: {len(answers)} requests")
    print(f"dashboard_median_ms: {median:.1f} ms")
    print(f"dashboard_p95_ms: {p95:.1f} ms")
    print(f"dashboard_errors: {errors} errors")
    print(f"dashboard_db: {vendor} database")
    if errors:
        statuses = sorted({a.status for a in answers if not a.ok})
        print(f"dashboard_error_statuses: {' '.join(map(str, statuses))} statuses (0: no answer)")


def _rebuilt(port: int, path: str, cookie: str) -> list[float]:
    """Seconds per request when the cached body has just been retired, as
    after every committed change: the token renewed, then one request."""
    from actionplan.oversight import freshness

    seconds = []
    for _ in range(REBUILDS):
        freshness.changed()  # outside a transaction: renewed at once
        seconds.append(_get(port, path, cookie, FIRST_TIMEOUT_S).seconds)
    return seconds


def _print_log_tail(log: Path) -> None:
    if log.exists():
        for line in log.read_text(errors="replace").splitlines()[-20:]:
            print(f"  gunicorn: {line}")


# --- The whole run ------------------------------------------------------------------


def _run(url: str, factor: float, data_dir: str) -> None:
    _setup(url, data_dir)
    from django.db import connection
    from django.utils import timezone

    from actionplan.oversight.refresh import refresh_plan
    from bench.postgres_portfolio import load_portfolio

    seconds, _ = _timed(_migrate)
    print(f"pg_migrate_s: {seconds:.2f} s")
    today = timezone.localdate()

    def load() -> Any:
        bench = load_portfolio(factor, today)
        _analyze()
        return bench

    seconds, bench = _timed(load)
    print(f"pg_load_s: {seconds:.2f} s")
    print(f"pg_tasks: {bench.tasks} tasks")
    print(f"pg_indicators: {bench.indicators} indicators")
    print(f"pg_observations: {bench.observations} observations")
    print(f"pg_units: {bench.units} units")
    print(f"pg_responsibilities: {bench.responsibilities} responsibilities")
    print(f"pg_reports: {bench.reports} reports")
    print(f"pg_database_mb: {_database_mb():.0f} MB")

    seconds, _ = _timed(lambda: refresh_plan(bench.plan, today))
    print(f"pg_recompute_s: {seconds:.2f} s")
    if seconds < AGAIN_UNDER_S:
        again, _ = _timed(lambda: refresh_plan(bench.plan, today))
        print(f"pg_recompute_again_s: {again:.2f} s")
    print(f"pg_statuses: {' '.join(str(n) for n in _status_counts())} indicators")

    seconds = _update_after_approval(bench.plan, today)
    print(f"pg_update_after_approval_ms: {seconds * 1000:.2f} ms")
    # As after any bulk load: settle the tables (no autovacuum of the fresh
    # rows running under the dashboard's load) and their statistics.
    _vacuum()
    connection.close()

    _dashboard(bench, data_dir)


def main() -> None:
    import psycopg

    from bench.engine import scale

    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr] — a TextIOWrapper
    url = os.environ.get("BENCH_DATABASE_URL") or DEFAULT_URL
    try:
        name = _database_name(url)
    except psycopg.Error as exc:
        print(f"pg_bench: skipped — BENCH_DATABASE_URL cannot be read ({_first_line(exc)})")
        return
    if "bench" not in name:
        print(f"pg_bench: skipped — {_shown(url)} names no bench database (it would be dropped)")
        return
    started = time.perf_counter()
    try:
        _recreate_database(url)
    except psycopg.OperationalError as exc:
        print(f"pg_bench: skipped — PostgreSQL not reachable at {_shown(url)} ({_first_line(exc)})")
        return
    except psycopg.Error as exc:
        print(
            f"pg_bench: skipped — cannot create the bench database at {_shown(url)} "
            f"({_first_line(exc)})"
        )
        return
    try:
        with tempfile.TemporaryDirectory(prefix="actionplan-pg-bench-") as data_dir:
            _run(url, scale(), data_dir)
    finally:
        if "django.apps" in sys.modules:
            from django.apps import apps
            from django.db import connections

            if apps.ready:
                connections.close_all()
        _drop_database(url)
    print(f"pg_bench_s: {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
