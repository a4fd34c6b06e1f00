"""Extractor benchmarks, run by ``make bench``. Prints ``name: value unit`` lines.

- ``seed_extract_ms``: median time to extract the embedded plan (goal < 20 ms);
- ``throughput_mb_per_s``: MB of Chinese plan text extracted per second on an
  input of at least 1 MB (goal ≥ 1);
- ``linearity_ms_per_mb_at_Nx``: time per MB at 1×, 2×, 4× and 8× a 512 KB
  input, and ``linearity_ratio_8x_to_1x`` (about 1 when time grows linearly);
- ``corpus_mb_per_s``: MB per second over the real documents of the test
  corpus (Chinese and English, indicator tables stored one cell per line,
  background sections), repeated to at least 1 MB.

Then the engine (``bench/engine.py``), its DuckDB yardstick
(``bench/engine_duckdb.py``) and the update after one approval
(``bench/status_refresh.py``, SQLite); last, in a process of its own (Django
reads its settings once per process), PostgreSQL at bench size
(``bench/postgres_bench.py``: ``pg_*`` and ``dashboard_*`` lines, or one
``pg_bench: skipped`` line without a reachable PostgreSQL).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from actionplan.extract import extract_plan, seed_text
from bench.corpus import corpus_text, plan_text
from bench.engine import AS_OF
from bench.engine import main as engine_main
from bench.engine_duckdb import main as duckdb_main
from bench.status_refresh import main as status_refresh_main

SEED_RUNS = 101
MB = 1024 * 1024
ROOT = Path(__file__).resolve().parent.parent


def _median_seconds(action: Callable[[], object], runs: int) -> float:
    timings: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def _megabytes(text: str) -> float:
    return len(text.encode("utf-8")) / MB


def main() -> None:
    seed = seed_text()
    extract_plan(seed)  # warm up: compiled patterns, imports
    seed_seconds = _median_seconds(lambda: extract_plan(seed), SEED_RUNS)
    print(f"seed_extract_ms: {seed_seconds * 1000:.2f} ms")
    print(f"seed_targets: {len(extract_plan(seed).targets)} targets")

    large = plan_text(MB)
    large_seconds = _median_seconds(lambda: extract_plan(large), 3)
    print(f"throughput_input_mb: {_megabytes(large):.2f} MB")
    print(f"throughput_mb_per_s: {_megabytes(large) / large_seconds:.2f} MB/s")

    per_mb: dict[int, float] = {}
    for factor in (1, 2, 4, 8):
        text = plan_text(factor * MB // 2)
        seconds = _median_seconds(lambda text=text: extract_plan(text), 3)
        per_mb[factor] = seconds * 1000 / _megabytes(text)
        print(f"linearity_ms_per_mb_at_{factor}x: {per_mb[factor]:.1f} ms/MB")
    print(f"linearity_ratio_8x_to_1x: {per_mb[8] / per_mb[1]:.2f} ratio")

    corpus = corpus_text(MB)
    if corpus:
        corpus_seconds = _median_seconds(lambda: extract_plan(corpus), 3)
        print(f"corpus_mb_per_s: {_megabytes(corpus) / corpus_seconds:.2f} MB/s")

    duckdb_main(engine_main(), AS_OF)
    status_refresh_main()
    sys.stdout.flush()
    # Its own process: this one has set Django up on SQLite already.
    subprocess.run([sys.executable, "-m", "bench.postgres_bench"], cwd=ROOT, check=False)


if __name__ == "__main__":
    main()
