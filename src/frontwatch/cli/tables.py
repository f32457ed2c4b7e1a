"""CLI tables that never cut an id or a date.

A table has three kinds of column:

1. ``key`` (ids, dates, types): as wide as their longest value, never wrapped or cut;
2. ``short`` (names, places, titles): wrapped within ``SHORT_MAX`` cells by ``wrap_cells``;
3. one ``text`` column (the sentence): the width left over, at least ``TEXT_MIN`` cells,
   wrapped by ``wrap_cells`` so that no line starts with 、 or 。 (kinsoku).

When the keys alone do not fit the console, the table is printed wider than the console
(a terminal folds the lines; a pipe keeps them whole) rather than cutting a key.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

SHORT_MAX = 28  # a name with its code, "Azerbaijani Armed Forces (AZE)", on two lines at most
TEXT_MIN = 24  # below this a sentence column is unreadable: the table grows instead
# Rich draws "│ " before each column and " │" after the last: 3 cells a column, plus 1.
BORDER_PER_COLUMN = 3

# Characters a Japanese line must not start with (JIS X 4051 line-start prohibitions:
# closing brackets, punctuation, small kana, prolonged sound mark), and Latin closers.
NO_LINE_START = frozenset(
    "、。，．・：；？！ー…‥゛゜ゝゞ々〻ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
    "）〕］｝〉》」』】〙〗〟’”｠»,.:;!?)]}%"
)
# Characters a line must not end with: opening brackets.
NO_LINE_END = frozenset("（〔［｛〈《「『【〘〖〝‘“｟«([{")
# One unit of wrapping: a run of Latin letters/digits (a word is not split unless it is
# longer than a line), a run of spaces, or any other single character.
_UNIT = re.compile(r"[0-9A-Za-z\u00c0-\u024f'’#_/@.\-]+|\s+|.", re.S)


@dataclass(frozen=True, slots=True)
class Col:
    header: str
    kind: Literal["key", "short", "text"] = "key"


def wrap_cells(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells; no line starts with a character of
    ``NO_LINE_START`` nor ends with one of ``NO_LINE_END`` where moving one unit avoids it."""
    width = max(width, 2)
    lines: list[list[str]] = [[]]
    used = 0
    for unit in _units(text, width):
        size = cell_len(unit)
        if used + size > width and lines[-1]:
            if unit.isspace():
                continue  # a break eats the space
            carried = _carry(lines[-1], unit)
            lines.append(carried)
            used = sum(cell_len(u) for u in carried)
        if not lines[-1] and unit.isspace():
            continue
        lines[-1].append(unit)
        used += size
    return ["".join(line).rstrip() for line in lines if line] or [""]


def _units(text: str, width: int) -> list[str]:
    out: list[str] = []
    for unit in _UNIT.findall(" ".join(text.split("\n"))):
        if cell_len(unit) > width and not unit.isspace():
            out.extend(unit)  # a word longer than a line is folded by character
        else:
            out.append(unit)
    return out


def _carry(line: list[str], nxt: str) -> list[str]:
    """Units to move from the end of ``line`` to the next line so that neither the next line
    starts with a prohibited character nor this one ends with an opening bracket."""
    carried: list[str] = []
    first = nxt
    while len(line) > 1 and (first[:1] in NO_LINE_START or line[-1][-1:] in NO_LINE_END):
        first = line.pop()
        carried.insert(0, first)
    return carried


def fitted_table(console: Console, cols: Sequence[Col], rows: Sequence[Sequence[str]]) -> tuple[Table, int]:
    """A table of ``rows`` (plain strings, never read as markup) and the width to print it at."""
    widths = [max([cell_len(c.header), *(cell_len(r[i]) for r in rows)]) for i, c in enumerate(cols)]
    for i, c in enumerate(cols):
        if c.kind == "short":
            widths[i] = min(widths[i], SHORT_MAX)
    text_cols = [i for i, c in enumerate(cols) if c.kind == "text"]
    fixed = sum(w for i, w in enumerate(widths) if i not in text_cols) + BORDER_PER_COLUMN * len(cols) + 1
    for i in text_cols:
        widths[i] = min(widths[i], max(TEXT_MIN, console.width - fixed))
    table = Table(*(c.header for c in cols))
    for i, column in enumerate(table.columns):
        column.min_width = column.max_width = widths[i]
        column.no_wrap = True  # wrapped here, by wrap_cells
        column.overflow = "fold"
    for r in rows:
        cells = [Text(v) if cols[i].kind == "key" else Text("\n".join(wrap_cells(v, widths[i])))
                 for i, v in enumerate(r)]
        table.add_row(*cells)
    return table, max(console.width, sum(widths) + BORDER_PER_COLUMN * len(cols) + 1)


def print_table(console: Console, cols: Sequence[Col], rows: Sequence[Sequence[str]]) -> None:
    table, width = fitted_table(console, cols, rows)
    if width > console.width:  # Rich never renders wider than its console: lend it a wider one
        console = Console(file=console.file, width=width, force_terminal=console.is_terminal,
                          color_system=console.color_system, no_color=console.no_color)  # type: ignore[arg-type]
    console.print(table, crop=False)
