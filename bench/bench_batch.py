"""Batch interfaces: ``frontwatch geocode --batch`` and ``frontwatch actors --batch`` on 1,000 lines.

    .venv/bin/python bench/bench_batch.py            # cached gazetteer (every use after the first)
    .venv/bin/python bench/bench_batch.py --cold     # also with an empty cache (the first use)

Each run is the real command in a fresh process, so the time includes loading the gazetteer and
the actor dictionary; peak memory is that process's maximum resident set size. The lines are
made from the gold sets (tests/gold/places_news.tsv, places.tsv, actor_phrases.tsv,
actor_phrases_news.tsv), cycled to 1,000, each with its sentence as context (so the article's
countries are worked out per line). ``--actor-lines N`` sets the number of actor lines.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
LINES = 1000


def _rows(name: str) -> list[dict[str, str]]:
    text = (GOLD / name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def geocode_lines() -> list[str]:
    rows = [(r["lang"], r["mention"], r["text"]) for r in _rows("places_news.tsv")]
    rows += [(r["lang"], r["mention"], r["text"]) for r in _rows("places.tsv")]
    return [json.dumps({"id": i, "name": rows[i % len(rows)][1], "context": rows[i % len(rows)][2],
                        "lang": rows[i % len(rows)][0]}, ensure_ascii=False) for i in range(LINES)]


def actor_lines(count: int = LINES) -> list[str]:
    rows = _rows("actor_phrases.tsv") + _rows("actor_phrases_news.tsv")
    return [json.dumps({"id": i, "text": rows[i % len(rows)]["text"], "lang": rows[i % len(rows)]["lang"],
                        "context": rows[i % len(rows)]["context"]}, ensure_ascii=False) for i in range(count)]


def run(command: str, lines: list[str], cache_dir: str) -> dict[str, object]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    env = dict(os.environ, FRONTWATCH_CACHE_DIR=cache_dir)
    exe = Path(sys.executable).with_name("frontwatch")
    # A wrapper process per run, so that the peak memory is this run's alone.
    wrapper = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)")
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", wrapper, str(exe), command, "--batch", fh.name, "--json"],
                         env=env, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t
    peak = int(out.stderr.strip().splitlines()[-1])
    os.unlink(fh.name)
    rows = [json.loads(ln) for ln in out.stdout.splitlines() if ln.strip()]
    assert [r["id"] for r in rows] == list(range(len(lines))), "output out of order"
    return {"command": command, "lines": len(rows), "wall_s": round(wall, 2),
            "lines_per_s": round(len(rows) / wall), "peak_rss_mb": peak // 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold", action="store_true", help="also run with an empty gazetteer cache")
    parser.add_argument("--actor-lines", type=int, default=LINES, help="actor lines to run (default 1000)")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        if args.cold:
            print("cold (builds the cache):", json.dumps(run("geocode", geocode_lines(), tmp)))
        else:
            run("geocode", geocode_lines()[:1], tmp)  # writes the cache
        print("geocode --batch:", json.dumps(run("geocode", geocode_lines(), tmp)))
        print("actors --batch: ", json.dumps(run("actors", actor_lines(args.actor_lines), tmp)))


if __name__ == "__main__":
    main()
