"""The page markers of ``data/clean/markers.toml``, loaded once and matched against lines."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from frontwatch.errors import DataError

MARKER_FILE = "data/clean/markers.toml"
PREFIX_KINDS = ("reference", "credit", "notice", "related")
# A label set off from its colon by a space ("Photo : YONHAP News"), as some sites print it.
_SPACED_COLON = re.compile(r"^(\w+(?: \w+)?)\s+([:：])")


@dataclass(frozen=True, slots=True)
class Markers:
    decorations: tuple[str, ...]
    prefixes: tuple[tuple[str, str], ...]  # (prefix, section kind), longest first
    nav_prev: tuple[str, ...]
    nav_next: tuple[str, ...]
    related_headers: frozenset[str]
    comment_headers: frozenset[str]
    comment_summaries: frozenset[str]
    chrome_lines: frozenset[str]
    comment_buttons: frozenset[str]
    category: re.Pattern[str]
    comments_count: re.Pattern[str]
    trackback: re.Pattern[str]
    article_end: re.Pattern[str]
    date_label: re.Pattern[str]
    caption: re.Pattern[str]
    lead_credit: re.Pattern[str]
    byline: re.Pattern[str]
    furniture: re.Pattern[str]
    site_notice: re.Pattern[str]

    def undecorate(self, line: str) -> str:
        line = line.strip()
        for deco in self.decorations:
            if line.startswith(deco):
                return line[len(deco):].strip()
        return line

    def prefixed(self, line: str) -> tuple[str, str] | None:
        """(kind, text after the marker) when the line opens with a part marker."""
        # "Photo : Name" as "Photo:", "参照元∶" (a ratio sign) as "参照元:"
        bare = _SPACED_COLON.sub(r"\1\2", self.undecorate(line).replace("∶", ":"), count=1)
        for prefix, kind in self.prefixes:
            if bare.startswith(prefix):
                return kind, bare[len(prefix):].strip()
        return None

    def nav(self, line: str) -> tuple[str, str] | None:
        bare = line.strip()
        for kind, suffixes in (("nav_prev", self.nav_prev), ("nav_next", self.nav_next)):
            for suffix in suffixes:
                if bare.endswith(suffix) and len(bare) > len(suffix):
                    return kind, bare[: -len(suffix)].strip()
        return None

    def is_chrome(self, line: str) -> bool:
        """A share button or site label (also as a list item: "• ブックマーク"), furniture, or
        a site's own notice (cookies, newsletter, comment form)."""
        bare = line.strip().lstrip("•●◦▪・ ").strip()
        row = bare.split()  # a row of share buttons on one line: "Facebook Twitter LINE"
        buttons = len(row) > 1 and all(word in self.chrome_lines for word in row)
        return (bare in self.chrome_lines or buttons
                or bool(self.furniture.match(bare) or self.site_notice.match(bare)))

    def is_caption(self, line: str) -> bool:
        """A photo caption (short of a paragraph of prose in Japanese, ending with its credit) or
        a byline: credits, not the story."""
        bare = line.strip()
        captioned = "。" not in bare.rstrip("。") and bool(self.caption.search(bare))
        return captioned or bool(self.byline.match(bare))

    def caption_before_credit(self, line: str) -> int:
        """Where a wire story's opening credit (【キーウ共同】) starts on a line that begins with a
        caption or map label (no sentence end before it); 0 when the line has none such."""
        m = self.lead_credit.search(line)
        if m is None or m.start() == 0 or "。" in line[:m.start()] or not line[:m.start()].strip():
            return 0
        return m.start()

    def is_comments_header(self, line: str) -> bool:
        bare = line.strip()
        return bare in self.comment_headers or bool(self.comments_count.match(bare))


@cache
def load_markers() -> Markers:
    try:
        raw = tomllib.loads(files("frontwatch").joinpath(MARKER_FILE).read_text(encoding="utf-8"))
        prefixes = [(p, kind) for kind in PREFIX_KINDS for p in raw["prefix"][kind]]
        prefixes.sort(key=lambda pk: -len(pk[0]))
        pattern = raw["pattern"]
        return Markers(
            decorations=tuple(raw["decorations"]),
            prefixes=tuple(prefixes),
            nav_prev=tuple(raw["suffix"]["nav_prev"]),
            nav_next=tuple(raw["suffix"]["nav_next"]),
            related_headers=frozenset(raw["line"]["related_block"]),
            comment_headers=frozenset(raw["line"]["comments"]),
            comment_summaries=frozenset(raw["line"]["comment_summaries"]),
            chrome_lines=frozenset(raw["line"]["chrome"]),
            comment_buttons=frozenset(raw["line"]["comment_buttons"]),
            category=re.compile(pattern["category"]),
            comments_count=re.compile(pattern["comments"]),
            trackback=re.compile(pattern["trackback"]),
            article_end=re.compile(pattern["article_end"]),
            date_label=re.compile(pattern["date_label"]),
            caption=re.compile(pattern["caption"]),
            lead_credit=re.compile(pattern["lead_credit"]),
            byline=re.compile(pattern["byline"]),
            furniture=re.compile(pattern["furniture"]),
            site_notice=re.compile(pattern["site_notice"]),
        )
    except (OSError, KeyError, tomllib.TOMLDecodeError, re.error) as exc:
        raise DataError(f"{MARKER_FILE} is malformed ({exc}); restore it from the repository") from exc
