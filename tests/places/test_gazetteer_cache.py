"""The gazetteer's build and cache: the bulk index equals the one-by-one index, a corrupt
cache is rebuilt with a warning, two processes can make the first use at once."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontwatch.resolve import place_cache
from frontwatch.resolve.gazetteer import Gazetteer
from frontwatch.resolve.place_cities import alpha3_table, read_city_chunks
from frontwatch.resolve.place_names import name_key, name_keys, skeleton_of_key, skeletons_of_keys

TRICKY = [
    "", "Ağdam", "İstanbul", "ß", "ナゴルノ・カラバフ", "ヴァイ", "ヶ岳", "ﾊﾞﾌﾑﾄ", "x\u0301y",
    "\u0301abc", "Ǆabc", "El Tarter - Principáu", "a\x00b", "a\nb", "  ", "Ωmega",
]


@given(st.lists(st.text(max_size=12)))
def test_name_keys_equal_name_key_of_each(texts: list[str]) -> None:
    assert name_keys(texts) == [name_key(t) for t in texts]


@given(st.lists(st.text(alphabet="abcdehklmnpstvwxyz -'\n", max_size=12)))
def test_skeletons_of_keys_equal_skeleton_of_each(texts: list[str]) -> None:
    keys = [name_key(t) for t in texts]
    assert skeletons_of_keys(keys) == [skeleton_of_key(k) for k in keys]


def test_name_keys_of_tricky_names() -> None:
    assert name_keys(TRICKY) == [name_key(t) for t in TRICKY]
    keys = [name_key(t) for t in TRICKY if name_key(t).isascii()]
    assert skeletons_of_keys(keys) == [skeleton_of_key(k) for k in keys]


def test_gazetteer_cities_index_in_bulk_as_one_by_one() -> None:
    """The first chunk of GeoNames cities (some 10,000), indexed in bulk and with ``_add``."""
    chunk = next(read_city_chunks(500))
    alpha3 = alpha3_table()
    bulk, single = Gazetteer(), Gazetteer()
    bulk._add_cities([chunk[:5000], chunk[5000:]], alpha3)
    for c in chunk:
        single._add(
            name=c["name"], country=alpha3.get(c.get("countrycode", ""), ""), feature="city",
            lat=float(c["latitude"]), lon=float(c["longitude"]), population=int(c.get("population") or 0),
            gid=int(c["geonameid"]), names=c.get("alternatenames") or (), supplement=False,
        )
    bulk._freeze()
    single._freeze()
    a, b = bulk.state(), single.state()
    assert len(bulk) == len(chunk) > 1000
    assert a == b
    assert list(a["index"]) == list(b["index"]) and list(a["skel"]) == list(b["skel"])


def _small_state() -> dict[str, object]:
    row = {
        "id": "test_lake", "name": "Test Lake", "country": "ARM", "feature": "lake", "lat": "40.3",
        "lon": "45.3", "geonameid": "", "population": "0", "names_ja": "テスト湖", "names_alt": "",
        "source": "hand-made for a test",
    }
    return Gazetteer.from_rows([row]).state()


def test_cache_unreadable_file_is_dropped_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRONTWATCH_CACHE_DIR", str(tmp_path))
    place_cache.write("k1", _small_state())
    state = place_cache.read("k1")
    assert state is not None and Gazetteer.from_state(state).exact("テスト湖")
    path = tmp_path / "gazetteer-k1.marshal"
    whole = path.read_bytes()
    for bad in (whole[: len(whole) // 2], b"not marshal", marshal.dumps({"index": {}})):
        path.write_bytes(bad)
        with pytest.warns(UserWarning, match="rebuilding"):
            assert place_cache.read("k1") is None
        assert not path.exists()


def test_cache_keeps_few_old_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTWATCH_CACHE_DIR", str(tmp_path))
    state = _small_state()
    for i in range(6):
        place_cache.write(f"k{i}", state)
        os.utime(tmp_path / f"gazetteer-k{i}.marshal", (1000 + i, 1000 + i))
    place_cache.write("new", state)
    left = sorted(p.name for p in tmp_path.glob("gazetteer-*.marshal"))
    assert left == [f"gazetteer-{k}.marshal" for k in ("k3", "k4", "k5", "new")]


LOAD = (
    "import json; from frontwatch.resolve.gazetteer import Gazetteer; g = Gazetteer.load(); "
    "print(json.dumps([len(g), [e.geonameid for e in g.exact('Goris')]]))"
)


@pytest.mark.slow
def test_first_use_from_two_processes_then_a_corrupt_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two processes start with an empty cache at once: both get the whole gazetteer and one
    cache file is left, with no partial file; that file corrupted, the next load rebuilds it."""
    env = dict(os.environ, FRONTWATCH_CACHE_DIR=str(tmp_path))
    procs = [
        subprocess.Popen([sys.executable, "-c", LOAD], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outs = [json.loads(p.communicate(timeout=600)[0]) for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert outs[0] == outs[1] and outs[0][0] > 200_000 and outs[0][1]
    files = list(tmp_path.glob("gazetteer-*.marshal"))
    assert len(files) == 1 and not list(tmp_path.glob(".gazetteer-*"))
    files[0].write_bytes(files[0].read_bytes()[: 1 << 20])
    monkeypatch.setenv("FRONTWATCH_CACHE_DIR", str(tmp_path))
    with pytest.warns(UserWarning, match="rebuilding"):
        again = Gazetteer.load()
    assert [len(again), [e.geonameid for e in again.exact("Goris")]] == outs[0]
    assert place_cache.read(files[0].name.removeprefix("gazetteer-").removesuffix(".marshal")) is not None
