"""Files, folders and stdin -> RawDocument (or an InputProblem naming the input and the reason).

1. A path that does not exist, or a file of a type we do not read, is a problem; the rest go on.
2. Folders are walked recursively in sorted order; only .txt, .html, .htm and .jsonl files are taken.
3. A file larger than ``max_bytes`` is refused before it is read.
4. The bytes are decoded (see ``decode.py``); .jsonl files yield one document per line.
5. ``-`` reads stdin: JSONL if every line is a JSON object, HTML if it starts like a page, else text.
6. A page's doc_id is its path under the folder given, without the suffix ("a/north" for
   ``corpus/a/north.txt`` when ``corpus`` is given), or its file name without the suffix for a
   file given by itself or lying in the given folder itself. It depends only on the file and the
   folder given, not on what else a run reads: every run (and every Dask worker) gives a file the
   same id, and files with one name in different folders are different documents, not versions
   of one. Two different files of one run that would still share an id (north.txt in two given
   folders) are kept apart: the later one gets its folders in front ("b/north", more if taken).
   A caller that planned the ids already (the Dask engine) hands them over (``doc_ids``).
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from frontwatch.errors import InputError
from frontwatch.ingest.decode import decode_bytes
from frontwatch.ingest.jsonl import iter_jsonl
from frontwatch.records import InputProblem, RawDocument

# 50 MiB: a news page is well under 1 MiB and a JSONL batch of ten thousand articles about 50 MiB;
# anything bigger is more likely a dump or a wrong file, and is read whole into memory. Split it.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
STDIN = "-"
STDIN_SOURCE = "<stdin>"
_HTML_STARTS = ("<!doctype", "<html", "<head", "<body", "<article", "<div", "<p>", "<meta")


def iter_raw(paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
             stdin: BinaryIO | None = None, stdin_doc_id: str | None = None,
             doc_ids: Sequence[str] | None = None) -> Iterator[RawDocument | InputProblem]:
    """Every document in ``paths`` (files, folders, ``-``), in order; problems are yielded, not raised.
    ``doc_ids``: the ids of the page files ``paths`` names one by one, planned by the caller."""
    ids = PageIds()
    for n, given in enumerate(paths):
        if given == STDIN:
            yield from _stdin(stdin or sys.stdin.buffer, max_bytes, stdin_doc_id)
            continue
        path = Path(given)
        if path.is_symlink() and _link_loops(path):
            yield InputProblem(given, "symbolic link loop (the link points back to itself); fix or remove it")
        elif path.is_dir():
            found = sorted(path.rglob("*"))
            files = [p for p in found if p.is_file() and p.suffix.lower() in SUFFIXES]
            loops = [p for p in found if p.is_symlink() and _link_loops(p)]
            if not files and not loops:
                yield InputProblem(given, "folder holds no .txt, .html, .htm or .jsonl files")
            for loop in loops:  # a link loop is not silently passed over
                yield InputProblem(str(loop), "symbolic link loop (the link points back to itself); skipped")
            for file in files:
                yield from read_file(file, max_bytes=max_bytes, doc_id=ids.of(file, path))
        elif path.is_file():
            planned = doc_ids[n] if doc_ids is not None and n < len(doc_ids) else None
            yield from read_file(path, max_bytes=max_bytes, doc_id=planned or ids.of(path))
        elif path.exists():
            yield InputProblem(given, "not a regular file or folder")
        else:
            yield InputProblem(given, "no such file or folder; check the path")


def _link_loops(path: Path) -> bool:
    try:
        path.resolve(strict=True)
    except RuntimeError:  # Python 3.11 reports a loop this way
        return True
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


class PageIds:
    """Step 6: the doc_id of each page file of one run, distinct per file."""

    def __init__(self) -> None:
        self.taken: dict[str, Path] = {}

    def of(self, path: Path, root: Path | None = None) -> str:
        """``path``'s id; ``root``: the folder given that ``path`` was found under."""
        real = path.resolve()
        under = _under(path, root)
        if self.taken.setdefault(under, real) == real:
            return under
        parts = real.with_suffix("").parts
        for depth in range(under.count("/") + 2, len(parts) + 1):
            doc_id = "/".join(parts[-depth:])
            if self.taken.setdefault(doc_id, real) == real:
                return doc_id
        return str(real)


def _under(path: Path, root: Path | None) -> str:
    """The path under ``root`` without the suffix ("a/north"), or the file name without it."""
    if root is not None:
        try:
            return path.relative_to(root).with_suffix("").as_posix()
        except ValueError:
            pass
    return path.stem


def distinct_id(doc_id: str, source: str | None) -> bool:
    """Does this page file's id (step 6) carry folders in front of its name ("a/north")?"""
    if not source or Path(source).suffix.lower() not in SUFFIXES or source.endswith(".jsonl"):
        return False
    return doc_id != Path(source).stem and doc_id.endswith("/" + Path(source).stem)


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
              doc_id: str | None = None) -> Iterator[RawDocument | InputProblem]:
    source = str(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        yield InputProblem(source, f"unsupported file type {path.suffix or '(none)'!r}; "
                                   "frontwatch reads .txt, .html, .htm and .jsonl")
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InputProblem(source, _too_large(size, max_bytes))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputProblem(source, f"cannot read the file ({exc.strerror or exc}); check its permissions")
        return
    yield from _from_bytes(data, source, kind, doc_id or path.stem)


def _stdin(stream: BinaryIO, max_bytes: int, doc_id: str | None) -> Iterator[RawDocument | InputProblem]:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield InputProblem(STDIN_SOURCE, _too_large(len(data), max_bytes, at_least=True))
        return
    try:
        text = decode_bytes(data).text
    except InputError as exc:
        yield InputProblem(STDIN_SOURCE, str(exc).replace("the file", "stdin"))
        return
    yield from _from_bytes(data, STDIN_SOURCE, _sniff(text), doc_id)


def _from_bytes(data: bytes, source: str, kind: str, doc_id: str | None
                ) -> Iterator[RawDocument | InputProblem]:
    try:
        decoded = decode_bytes(data)
    except InputError as exc:
        yield InputProblem(source, str(exc))
        return
    if kind == "jsonl":
        yield from iter_jsonl(decoded.text, source, decoded.encoding)
        return
    yield RawDocument(
        doc_id=doc_id or default_doc_id(decoded.text),
        content=decoded.text,
        content_type="html" if kind == "html" else "text",
        source=source,
        encoding=decoded.encoding,
    )


def default_doc_id(text: str) -> str:
    """For stdin without ``--doc-id``: a stable id from the content."""
    import hashlib

    return "stdin-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _sniff(text: str) -> str:
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if lines and all(ln.startswith("{") and ln.endswith("}") for ln in lines):
        return "jsonl"
    head = text.lstrip()[:200].lower()
    return "html" if head.startswith(_HTML_STARTS) else "text"


def _too_large(size: int, limit: int, *, at_least: bool = False) -> str:
    mib = 1024 * 1024
    more = "more than " if at_least else ""
    return (f"file is too large ({more}{size / mib:.0f} MiB; the limit is {limit / mib:.0f} MiB, "
            "DEFAULT_MAX_BYTES); split it (`frontwatch ingest --max-bytes` raises the limit)")
