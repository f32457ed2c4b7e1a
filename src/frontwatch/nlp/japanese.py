"""Japanese language pipeline: GiNZA (spaCy + SudachiPy), loaded once, lazily.

Components: GiNZA's defaults minus ``ner`` (``EXCLUDED``): its entity labels
mislabel place and weapon names in this genre (a rocket system tagged "Treaty",
an army tagged "Military" half the time), and actors, places and weapons come from
our own dictionaries, so the recogniser would cost parse time and earn nothing.

Sections of kinds ``title`` and ``body`` (``records.CODED_KINDS``) whose language is
Japanese are parsed with ``nlp.pipe`` in batches; each spaCy sentence becomes a
``records.Sentence`` whose offsets index ``Document.text``. ``Token.bunsetsu_start``
marks the first token of each bunsetsu (GiNZA's ``bunsetu_spans``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from frontwatch.errors import ModelError
from frontwatch.nlp.kernel import reuse_memory, use_kernel
from frontwatch.nlp.split import SUDACHI_MAX_BYTES, split_section, utf8_len
from frontwatch.records import CODED_KINDS, Document, Section, Sentence, Token

MODEL = "ja_ginza"
EXCLUDED = ("ner",)
BATCH_SIZE = 64  # sections per nlp.pipe batch; larger batches gained nothing on the seeds
# A sentence ends at one of these; GiNZA's parser sometimes splits inside a long one
# (…1基と155ミリ|砲弾2万発を…), so pieces that end otherwise are joined to the next.
SENTENCE_END = frozenset("。．！？!?")
_KANA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

_lock = threading.Lock()
_models: dict[tuple[str, tuple[str, ...]], Any] = {}


def load_model(model: str = MODEL, exclude: tuple[str, ...] = EXCLUDED) -> Any:
    """The spaCy pipeline, loaded on first use and shared by every caller."""
    key = (model, exclude)
    with _lock:
        nlp = _models.get(key)
        if nlp is None:
            try:
                import spacy

                nlp = spacy.load(model, exclude=list(exclude))
            except (OSError, ImportError) as exc:
                raise ModelError(
                    f"the Japanese model {model!r} could not be loaded ({exc}); "
                    "install it with `pip install ja-ginza`"
                ) from exc
            use_kernel(nlp)  # BLIS or numpy's BLAS, whichever multiplies faster here (nlp.kernel)
            reuse_memory()  # large arrays reused, not mapped and faulted in per batch (nlp.kernel)
            _models[key] = nlp
    return nlp


def is_japanese(section: Section, doc: Document) -> bool:
    lang = section.language or doc.language
    if lang is not None:
        return lang == "ja"
    return bool(_KANA.search(section.text))


def coded_sections(doc: Document, lang: str = "ja") -> list[Section]:
    out = []
    for s in doc.sections:
        if s.kind not in CODED_KINDS or not s.text.strip():
            continue
        if (lang == "ja") == is_japanese(s, doc):
            out.append(s)
    return out


class JapanesePipeline:
    """``nlp.base.LanguagePipeline`` for Japanese. ``nlp`` may be passed in (tests)."""

    language = "ja"

    def __init__(self, nlp: Any | None = None, *, batch_size: int = BATCH_SIZE, n_process: int = 1) -> None:
        self._nlp = nlp
        self.batch_size = batch_size
        self.n_process = n_process

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_model()
        return self._nlp

    def sentences(self, doc: Document) -> list[Sentence]:
        return next(self.pipe([doc]))[1]

    def pipe(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Sentence]]]:
        """Parse documents in batches; yields (document, its sentences) in input order."""
        pending: list[tuple[Document, list[Section]]] = []
        count = 0
        for doc in docs:
            secs = coded_sections(doc)
            pending.append((doc, secs))
            count += len(secs)
            if count >= self.batch_size:
                yield from self._flush(pending)
                pending, count = [], 0
        if pending:
            yield from self._flush(pending)

    def _flush(
        self, pending: list[tuple[Document, list[Section]]]
    ) -> Iterator[tuple[Document, list[Sentence]]]:
        # a section past SudachiPy's byte limit is parsed in pieces cut at sentence ends (nlp.split)
        pending = [(doc, [p for s in secs for p in split_section(s, SUDACHI_MAX_BYTES, utf8_len)])
                   for doc, secs in pending]
        texts = [s.text for _, secs in pending for s in secs]
        kwargs: dict[str, Any] = {"batch_size": self.batch_size}
        if self.n_process > 1:
            kwargs["n_process"] = self.n_process
        parsed = iter(self.nlp.pipe(texts, **kwargs))
        for doc, secs in pending:
            out: list[Sentence] = []
            for sec in secs:
                out.extend(to_sentences(next(parsed), doc.doc_id, sec))
            yield doc, out


def _quote_balanced_spans(sdoc: Any) -> list[tuple[int, int]]:
    """spaCy sentences joined while a 「 or 『 is open (a quote is one sentence with its
    frame) or while the previous piece does not end like a sentence."""
    spans: list[tuple[int, int]] = []
    open_count = 0
    for sent in sdoc.sents:
        unfinished = bool(spans) and sdoc[spans[-1][1] - 1].text not in SENTENCE_END
        if spans and (open_count > 0 or unfinished):
            spans[-1] = (spans[-1][0], sent.end)
        else:
            spans.append((sent.start, sent.end))
        for t in sent:
            if t.text in "「『":
                open_count += 1
            elif t.text in "」』" and open_count > 0:
                open_count -= 1
    return spans


def to_sentences(sdoc: Any, doc_id: str, sec: Section) -> list[Sentence]:
    """spaCy Doc of one section -> Sentence records with document offsets."""
    import ginza

    starts = {span.start for span in ginza.bunsetu_spans(sdoc)}
    out: list[Sentence] = []
    for a, b in _quote_balanced_spans(sdoc):
        sent = sdoc[a:b]
        text = sent.text
        if not text.strip():
            continue
        toks = tuple(
            Token(
                i=t.i - a, text=t.text, lemma=t.lemma_, pos=t.pos_, tag=t.tag_, dep=t.dep_,
                head=t.head.i - a if a <= t.head.i < b else t.i - a, idx=sec.start + t.idx,
                bunsetsu_start=t.i in starts,
            )
            for t in sent
        )
        start = sec.start + sent.start_char
        out.append(Sentence(doc_id, text, start, start + len(text), "ja", sec.kind, toks))
    return out
