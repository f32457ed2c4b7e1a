"""Which line of an article is its headline, and the line shapes that tell it (see ``page.py``).

``title_at`` runs the rules; ``looks_like_title`` and ``is_site_label`` tell a headline from a
sentence and from a site's labels; the paragraph tests tell the story's own lines.
"""

from __future__ import annotations

import re

from frontwatch.clean.dates import dateline
from frontwatch.clean.markers import Markers

# Headlines on these blogs run to about 60 characters; a longer first line is a lead paragraph.
TITLE_MAX_CHARS = 100
# English news headlines run longer ("..., both navies say, as tensions rise"): up to this many
# characters over a paragraph that ends its sentence.
EN_TITLE_MAX_CHARS = 160
SENTENCE_END = ("。", ".", "．")
# A headline sits within the first lines of the article (under breadcrumbs, tags, buttons).
TITLE_SEARCH_LINES = 12
# A headline over a date line is words, not a counter or a label ("0post", "国際").
DATED_TITLE_MIN_CHARS = 8
# A Japanese headline has a subject and a verb or noun of action ("北海で演習": five letters);
# a site's name or a counter over it is shorter ("毎日新聞", "国際", "9時間前").
JA_HEADLINE_MIN_LETTERS = 5
# A story's paragraph runs longer than a site's notices (about 40-90 characters in English,
# and Japanese packs about twice the content in a character).
STORY_PARAGRAPH_CHARS = 100
# A lead paragraph: a sentence of this length or more (headlines and labels are shorter).
PARAGRAPH_MIN_CHARS = 20
# A bracketed tag alone on a line ("[PR]", "【速報】"): a label, never the headline.
TAG = re.compile(r"[\[【(（][^\]】)）]{1,12}[\]】)）]")
# Text in Japanese script: the English-page rules below leave such lines alone.
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# An English headline has a few words: "Details", "Comments" alone are labels.
HEADLINE_MIN_WORDS = 3
# Words a hard-wrapped line may end on but a headline never does.
OPEN_ENDS = frozenset({"a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by", "from",
                        "and", "or", "but", "as", "that", "which", "who", "its", "their", "his", "her"})
SOFT_END = ("。", ".", "!", "?", "！", "？", "」", "』", ")", "）", ":", "：", '"', "”")


def looks_like_title(line: str, markers: Markers) -> bool:
    bare = line.strip()
    return (
        0 < len(bare) <= TITLE_MAX_CHARS
        and not bare.endswith(SENTENCE_END)
        and "。" not in bare  # a quoted sentence standing alone ("「…だ。…ない」") is a pull quote
        and markers.prefixed(bare) is None
        and markers.nav(bare) is None
        and dateline(bare, markers) is None
        and not markers.is_chrome(bare)
        and not markers.is_caption(bare)
    )


def title_at(lines: list[str], content: list[int], furniture: set[int], markers: Markers) -> int | None:
    """The headline's line among the article's ``content`` lines, first match wins:

    1. A title-like line right before a date line or the share buttons among the first lines,
       above the story's paragraphs (a headline with its date or buttons under it, under the
       site's own labels and forms).
    2. The first line, when it looks like a title and something follows it; in English also a
       longer one (up to EN_TITLE_MAX_CHARS) when a paragraph follows it.
    3. A title-like line after an opening lead paragraph and its marked lines (参考:, 出典:),
       followed by a paragraph: the layout that puts the lead above the headline.
    """
    for i in content[:TITLE_SEARCH_LINES]:
        if story_paragraph(lines[i]):
            break  # under the story's own text a dated line is a later part, not the headline
        if (not is_site_label(lines[i]) and looks_like_title(lines[i], markers)
                and next_dated(lines, i, furniture, markers)):
            return i
    lead = past_labels(lines, content)
    if not lead or wrapped(lines[lead[0]]):
        return None
    if len(lead) > 1 and looks_like_title(lines[lead[0]], markers):
        return lead[0]
    if len(lead) > 1 and long_english_headline(lines[lead[0]], markers) \
            and is_paragraph(lines[lead[1]]):
        return lead[0]
    if len(content) > 2 and is_paragraph(lines[content[0]]):
        rest = [i for i in content[1:] if markers.prefixed(lines[i]) is None]
        if (len(rest) > 1 and rest[0] > content[1] and looks_like_title(lines[rest[0]], markers)
                and is_paragraph(lines[rest[1]])):
            return rest[0]
    return None


def past_labels(lines: list[str], content: list[int]) -> list[int]:
    """``content`` from its first line that is not a site's label (rule 2 of ``title_at``):
    a site, section or wire name, a counter or a button over the headline ("WING", "News Flash",
    "THE ASSOCIATED PRESS", "trending:", "[PR]", "9時間前") is skipped among the first lines."""
    for k, i in enumerate(content[:TITLE_SEARCH_LINES]):
        if not is_site_label(lines[i]):
            return content[k:]
    return []


def wrapped(line: str) -> bool:
    """An English line a hard wrap cut short: it ends on an open word ("Gunmen killed at")."""
    words = line.split()
    return not JAPANESE.search(line) and bool(words) and words[-1].casefold() in OPEN_ENDS


def is_site_label(line: str) -> bool:
    """Under JA_HEADLINE_MIN_LETTERS letters in Japanese (a site's name: 毎日新聞, a time: 9時間前)
    or DATED_TITLE_MIN_CHARS in Latin script (a temperature: "25.9 C"), a label ending in a colon,
    a bracketed tag, or an English line of under HEADLINE_MIN_WORDS words or in capitals only (a
    wire's or site's name)."""
    bare = line.strip()
    if bare.endswith((*SENTENCE_END, "!", "?", "！", "？")):
        return False  # a short sentence ("冒頭の段落です。") is the story's
    if bare.endswith((":", "：")) or TAG.fullmatch(bare):
        return True
    letters = sum(ch.isalpha() for ch in bare)
    if JAPANESE.search(bare):
        return letters < JA_HEADLINE_MIN_LETTERS
    return (letters < DATED_TITLE_MIN_CHARS or len(bare.split()) < HEADLINE_MIN_WORDS
            or (bare.isupper() and not re.search(r"\d", bare)))


def long_english_headline(line: str, markers: Markers) -> bool:
    """An English headline longer than a blog's: no sentence end, up to EN_TITLE_MAX_CHARS."""
    bare = line.strip()
    return (TITLE_MAX_CHARS < len(bare) <= EN_TITLE_MAX_CHARS and not JAPANESE.search(bare)
            and not bare.endswith(SOFT_END) and looks_like_title(bare[:TITLE_MAX_CHARS], markers))


def next_dated(lines: list[str], i: int, furniture: set[int], markers: Markers | None = None) -> bool:
    """Is the next non-blank line after ``i`` a date line or byline (or, given ``markers``, a
    share button: "• ブックマーク")?"""
    for j in range(i + 1, len(lines)):
        if lines[j].strip():
            button = markers is not None and lines[j].strip().lstrip("•●◦▪・ ") in markers.chrome_lines
            return j in furniture or button
    return False


def story_paragraph(line: str) -> bool:
    """A paragraph of the story itself, not a site's one-line notice ("You have commented…")."""
    bare = line.strip()
    return len(bare) >= STORY_PARAGRAPH_CHARS or ("。" in bare and len(bare) >= STORY_PARAGRAPH_CHARS // 2)


def is_paragraph(line: str) -> bool:
    bare = line.strip()
    return len(bare) >= PARAGRAPH_MIN_CHARS and bare.endswith((*SENTENCE_END, "」", "”", '"'))
