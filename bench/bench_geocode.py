"""Geocoder benchmark: load time (cold build and cached), memory, lookups and sentences per second.

Load is reported as wall seconds and CPU seconds (this process plus the child that builds the
cache on a first use): on a shared machine the wall time follows the load, the CPU time less.

    .venv/bin/python bench/bench_geocode.py            # all
    .venv/bin/python bench/bench_geocode.py --no-cold  # skip the in-process build (no cache)

Each measurement runs in a fresh interpreter so load time and memory are those of a first use.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

CHILD = r"""
import json, os, resource, sys, time
t0, c0 = time.perf_counter(), time.process_time()
from frontwatch.resolve.gazetteer import Gazetteer
from frontwatch.resolve.places import GazetteerGeocoder, find_places
gaz = Gazetteer.load(cache=sys.argv[1] == "cache")
load_s = time.perf_counter() - t0
child = resource.getrusage(resource.RUSAGE_CHILDREN)
load_cpu_s = time.process_time() - c0 + child.ru_utime + child.ru_stime
rss = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS")) // 1024
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
child_peak = child.ru_maxrss // 1024
geo = GazetteerGeocoder(gaz)
names = ["Goris", "ゴリス", "Kyiv", "キーウ", "Bakhmut", "ナゴルノ・カラバフ", "Black Sea", "台湾海峡",
         "Nowhere", "ミサイル"]
n = 20000
t = time.perf_counter()
for i in range(n):
    geo.lookup(names[i % len(names)], countries=("ARM", "AZE"))
exact_per_s = n / (time.perf_counter() - t)
fuzzy = ["ホルリウカ", "ポパスナ", "クラスノホリフカ", "ヤシヌヴァタ"]
geo.lookup(fuzzy[0], countries=("UKR",), place_context=True)  # pykakasi and the country index
m = 200
t = time.perf_counter()
for i in range(m):
    geo.lookup(fuzzy[i % len(fuzzy)], countries=("UKR",), place_context=True)
fuzzy_per_s = m / (time.perf_counter() - t)
sents = [("ja", "アゼルバイジャン軍がゴリス、ソトク、ジェルムクなどを攻撃したとアルメニア国防省が発表した。"),
         ("ja", "ロシア軍はドネツク州バフムート周辺で攻勢を強め、パシニャン首相は非難した。"),
         ("en", "Russian troops advanced near Bakhmut in the Donetsk region, Kyiv said on Monday."),
         ("en", "Houthi rebels attacked a tanker in the Red Sea near Hodeidah.")]
k = 2000
t = time.perf_counter()
for i in range(k):
    lang, s = sents[i % len(sents)]
    find_places(s, lang=lang, geocoder=geo, countries=("ARM", "AZE", "UKR", "RUS"))
sent_per_s = k / (time.perf_counter() - t)
print(json.dumps({"load_s": round(load_s, 2), "load_cpu_s": round(load_cpu_s, 2), "rss_mb": rss,
                  "peak_rss_mb": peak, "child_peak_rss_mb": child_peak, "places": len(gaz),
                  "exact_lookups_per_s": round(exact_per_s), "fuzzy_lookups_per_s": round(fuzzy_per_s),
                  "sentences_per_s": round(sent_per_s)}))
"""


def run(mode: str, cache_dir: str) -> dict[str, object]:
    env = dict(os.environ, FRONTWATCH_CACHE_DIR=cache_dir)
    cmd = [sys.executable, "-c", CHILD, mode]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cold", action="store_true", help="skip the cold build")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as tmp:
        if not args.no_cold:
            print("cold build (no cache):", json.dumps(run("nocache", tmp)))
        # The first use with an empty cache: the index is built in a child process that writes
        # the cache, then read back (peak_rss_mb is this process's, child_peak_rss_mb the
        # building child's).
        print("first use (empty cache):", json.dumps(run("cache", tmp)))
        print("cached load:          ", json.dumps(run("cache", tmp)))


if __name__ == "__main__":
    main()
