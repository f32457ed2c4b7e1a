"""Reader comments from the text rendering of a comment thread.

Blog themes print each comment as a meta list (author, date) followed by the text and
a like count; a reply is the same, nested one list deeper. Rendered as text this is::

        • author                  <- meta bullets, at the comment's indentation
        • 2024年 5月 1日
                                  <- (blank)
        text, one or more lines   <- same indentation
        12                        <- like count: a bare number closing the comment
          • replier               <- a reply: indented one step further
          ...

How one comment opens, first match wins:

1. A bullet whose content is a date: the date, no author (an anonymous commenter).
2. A bullet followed by a date bullet at the same indentation: author (None if blank) + date.
3. A bullet followed by plain lines at the same indentation: an author without a date.
4. Any other bullet or numbered item ("1. text"): a comment with neither author nor date whose
   first line is the item's text (the list item's own marker is all that is left of it).
5. A plain line with no comment open: a comment without markers.

A comment left without a date by rules 4 and 5 takes the day of the dated comments around it
when both say the same day (threads are in time order). Depth is the rank of the comment's
text indentation among those of the thread, so the
number of spaces per level does not matter. Pages without any markers (comments as
plain lines after the article) go through :func:`plain_comments`: one comment per line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from frontwatch.clean.dates import date_only
from frontwatch.records import Comment

BULLET = re.compile(r"^(?P<indent>\s*)[•●◦▪]\s?(?P<text>.*)$")
NUMBERED = re.compile(r"^(?P<indent>\s*)\d{1,4}[.)]\s+(?P<text>.*)$")
# A like count closing a comment: "12", "+12", "👍 12", "12 いいね", "12 likes".
LIKES = re.compile(r"^(?:[+👍♥❤]\s*)?(?P<n>\d{1,6})\s*(?:いいね|likes?|票)?$", re.IGNORECASE)

# A list item's text sits this many columns right of its marker ("• x", "1. x" with the
# marker indented): used when an item has no following line to measure the indent from.
ITEM_TEXT_OFFSET = 2
# Lines of a marker-less comment thread that continue the previous comment: list items.
CONTINUATION = re.compile(r"^\s*[・\-–—]")


@dataclass
class _Open:
    indent: int
    author: str | None = None
    date: dt.date | None = None
    lines: list[str] = field(default_factory=list)
    likes: int | None = None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \u3000\t"))


def _next_nonblank(lines: list[str], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if lines[j].strip():
            return j
    return None


def _opens(line: str) -> bool:
    return bool(BULLET.match(line) or NUMBERED.match(line))


def parse_comment_thread(lines: list[str], *, buttons: frozenset[str] = frozenset()) -> tuple[Comment, ...]:
    """Comments of a rendered thread (the lines between the comments header and the trackbacks).

    ``buttons`` are lines a theme prints in every comment ("返信", "Reply"): not the reader's words.
    """
    opened: list[_Open] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        nxt = _next_nonblank(lines, i)
        bullet, numbered = BULLET.match(line), NUMBERED.match(line)
        if bullet:
            i = _open_bullet(lines, i, nxt, bullet, opened)
            continue
        if numbered:
            opened.append(_item(lines, nxt, numbered))
        elif not opened:
            opened.append(_Open(indent=_indent(line), lines=[line.strip()]))
        elif line.strip() in buttons:
            pass
        elif (likes := LIKES.match(line.strip())) and (nxt is None or _opens(lines[nxt])):
            opened[-1].likes = int(likes["n"])
        else:
            opened[-1].lines.append(line.strip())
        i += 1
    return _finish(opened)


def _open_bullet(lines: list[str], i: int, nxt: int | None, bullet: re.Match[str],
                 opened: list[_Open]) -> int:
    indent, content = len(bullet["indent"]), bullet["text"].strip()
    date = date_only(content)
    if date is not None:  # 1.
        opened.append(_Open(indent=indent, date=date))
        return i + 1
    if nxt is not None:
        following = BULLET.match(lines[nxt])
        if following and len(following["indent"]) == indent:
            next_date = date_only(following["text"])
            if next_date is not None:  # 2.
                opened.append(_Open(indent=indent, author=content or None, date=next_date))
                return nxt + 1
        elif not _opens(lines[nxt]) and _indent(lines[nxt]) == indent and content:  # 3.
            opened.append(_Open(indent=indent, author=content))
            return i + 1
    opened.append(_item(lines, nxt, bullet))  # 4.
    return i + 1


def _item(lines: list[str], nxt: int | None, match: re.Match[str]) -> _Open:
    indent = len(match["indent"]) + ITEM_TEXT_OFFSET
    if nxt is not None and not _opens(lines[nxt]):
        indent = _indent(lines[nxt])
    return _Open(indent=indent, lines=[match["text"].strip()] if match["text"].strip() else [])


def _finish(opened: list[_Open]) -> tuple[Comment, ...]:
    _date_between(opened)
    levels = sorted({c.indent for c in opened})
    return tuple(
        Comment(order=n, text="\n".join(c.lines), author=c.author, date=c.date, likes=c.likes,
                depth=levels.index(c.indent))
        for n, c in enumerate(opened)
    )


def _date_between(opened: list[_Open]) -> None:
    """A comment printed without its meta lines (its date lost in rendering) sits in a thread kept
    in time order: when the dated comments before and after it share one day, it is that day."""
    dated = [n for n, c in enumerate(opened) if c.date is not None]
    for n, c in enumerate(opened):
        if c.date is not None:
            continue
        before = [opened[k].date for k in dated if k < n]
        after = [opened[k].date for k in dated if k > n]
        if before and after and before[-1] == after[0]:
            c.date = before[-1]


def plain_comments(lines: list[str]) -> tuple[Comment, ...]:
    """Comments printed as plain lines, one per line; list-item lines continue the one before."""
    texts: list[str] = []
    for line in lines:
        bare = line.strip()
        if not bare:
            continue
        if texts and CONTINUATION.match(bare):
            texts[-1] += "\n" + bare
        else:
            texts.append(bare)
    return tuple(Comment(order=n, text=t) for n, t in enumerate(texts))
