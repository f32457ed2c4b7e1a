"""Messages that say what is really wrong (issue 15, item 7): UTF-16 without a BOM and a stray NUL
are text, symbolic link loops are reported, ``code`` names no option it lacks."""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner

from frontwatch.cli import app
from frontwatch.ingest import load_documents
from frontwatch.ingest.decode import decode_bytes
from frontwatch.records import Document, InputProblem

JA = "国境で砲撃\n\nアルメニア国防省は、国境の村が砲撃を受けたと発表した。\n"
EN = "Border shelling\n\nOfficials said the border village was shelled overnight.\n"


def test_utf16_without_bom_is_read_as_text() -> None:
    for text in (JA, EN):
        for codec, name in (("utf-16-le", "UTF-16LE (no BOM)"), ("utf-16-be", "UTF-16BE (no BOM)")):
            decoded = decode_bytes(text.encode(codec))
            assert decoded.text == text and decoded.encoding == name


def test_one_stray_nul_is_text_without_the_nul() -> None:
    data = (JA * 3).encode("utf-8")
    at = data.index("アルメニア".encode())
    data = data[:at] + b"\x00" + data[at:]
    decoded = decode_bytes(data)
    assert decoded.encoding == "UTF-8" and decoded.text == JA * 3


def test_binary_is_still_binary(tmp_path: Path) -> None:
    png = _write(tmp_path / "png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    items = list(load_documents([str(png)]))
    assert isinstance(items[0], InputProblem) and "binary" in items[0].reason


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_ingest_stores_utf16_and_nul_files(tmp_path: Path) -> None:
    _write(tmp_path / "utf16.txt", JA.encode("utf-16-le"))
    _write(tmp_path / "nul.txt", EN.encode()[:20] + b"\x00" + EN.encode()[20:])
    docs = list(load_documents([str(tmp_path)]))
    assert all(isinstance(d, Document) for d in docs), docs
    assert sorted(d.doc_id for d in docs if isinstance(d, Document)) == ["nul", "utf16"]


def test_symlink_loops_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    os.symlink(tmp_path / "loop2.txt", tmp_path / "loop1.txt")
    os.symlink(tmp_path / "loop1.txt", tmp_path / "loop2.txt")
    items = list(load_documents([str(tmp_path)]))
    problems = {Path(p.source).name: p.reason for p in items if isinstance(p, InputProblem)}
    assert set(problems) == {"loop1.txt", "loop2.txt"}
    assert all("symbolic link loop" in r for r in problems.values())
    assert [d.doc_id for d in items if isinstance(d, Document)] == ["a"]
    direct = list(load_documents([str(tmp_path / "loop1.txt")]))
    assert isinstance(direct[0], InputProblem) and "symbolic link loop" in direct[0].reason


def test_code_does_not_offer_an_option_it_lacks(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(51 * 1024 * 1024)  # sparse: over the 50 MiB limit without writing it
    result = CliRunner().invoke(app, ["code", str(big)])
    assert result.exit_code == 1
    assert "too large" in result.output
    assert "raise --max-bytes" not in result.output and "ingest --max-bytes" in result.output
