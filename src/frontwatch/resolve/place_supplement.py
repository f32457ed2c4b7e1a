"""The curated supplement file (``data/gazetteer/supplement.tsv``): reading and checking it."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

from frontwatch.errors import DataError

SUPPLEMENT_COLUMNS = (
    "id", "name", "country", "feature", "lat", "lon", "geonameid", "population",
    "names_ja", "names_alt", "source",
)
FEATURES = frozenset({
    "city", "admin1", "admin2", "region", "lake", "sea", "strait", "river", "mountain",
    "island", "site", "country", "peninsula", "continent",
})


def supplement_path() -> Path:
    return Path(str(resources.files("frontwatch") / "data" / "gazetteer" / "supplement.tsv"))


def admin1_path() -> Path:
    return Path(str(resources.files("frontwatch") / "data" / "gazetteer" / "admin1.tsv"))


def read_supplement(path: Path | None = None) -> list[dict[str, str]]:
    """Rows of the supplement TSV, checked; a malformed row raises DataError naming its line."""
    path = path or supplement_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"cannot read the gazetteer supplement {path}: {exc.strerror}.") from exc
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    if tuple(reader.fieldnames or ()) != SUPPLEMENT_COLUMNS:
        raise DataError(f"{path}: the header must be the columns {', '.join(SUPPLEMENT_COLUMNS)}.")
    rows: list[dict[str, str]] = []
    for n, row in enumerate(reader, start=2):
        _check_row(path, n, row)
        rows.append({k: (v or "").strip() for k, v in row.items()})
    return rows


def _check_row(path: Path, n: int, row: dict[str, str]) -> None:
    where = f"{path}, row {n} ({row.get('id')})"
    if None in row or any(v is None for v in row.values()):
        raise DataError(f"{where}: expected {len(SUPPLEMENT_COLUMNS)} tab-separated columns.")
    if row["feature"] not in FEATURES:
        raise DataError(f"{where}: feature {row['feature']!r} is not one of {', '.join(sorted(FEATURES))}.")
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        raise DataError(f"{where}: lat and lon must be decimal degrees.") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DataError(f"{where}: lat/lon {lat},{lon} is off the globe.")
    if not row["source"].strip():
        raise DataError(f"{where}: every row needs a source.")
