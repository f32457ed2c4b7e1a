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
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from frontwatch.errors import ModelError
from frontwatch.nlp.kernel import freeze_loaded, reuse_memory, use_kernel
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
            freeze_loaded()  # the model's objects are not walked by every full collection (nlp.kernel)
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
        """Parse documents in batches; yields (document, its sentences) in input order.

        The sections of all documents flow through one ``nlp.pipe`` call, so every batch but
        the last holds ``batch_size`` sections, as when GiNZA is run on the texts alone; a
        document is yielded as soon as its last section is parsed."""
        queue: deque[tuple[Document, list[Section]]] = deque()

        def texts() -> Iterator[str]:
            for doc in docs:
                # a section past SudachiPy's byte limit is parsed in pieces cut at sentence ends
                secs = [p for s in coded_sections(doc) for p in split_section(s, SUDACHI_MAX_BYTES, utf8_len)]
                queue.append((doc, secs))
                yield from (s.text for s in secs)

        kwargs: dict[str, Any] = {"batch_size": self.batch_size}
        if self.n_process > 1:
            kwargs["n_process"] = self.n_process
        parsed = iter(self.nlp.pipe(texts(), **kwargs))
        first: Any = None  # a parsed section read only to make the texts above move on
        while True:
            if not queue:
                first = next(parsed, None)
                if first is None:  # every text parsed: what the queue holds has no sections
                    while queue:
                        yield queue.popleft()[0], []
                    return
            doc, secs = queue.popleft()
            out: list[Sentence] = []
            for sec in secs:
                sdoc, first = (first, None) if first is not None else (next(parsed), None)
                out.extend(to_sentences(sdoc, doc.doc_id, sec))
            yield doc, out


def _quote_balanced_spans(sdoc: Any, words: list[str]) -> list[tuple[int, int]]:
    """spaCy sentences joined while a 「 or 『 is open (a quote is one sentence with its
    frame) or while the previous piece does not end like a sentence."""
    spans: list[tuple[int, int]] = []
    open_count = 0
    for sent in sdoc.sents:
        start, end = sent.start, sent.end
        unfinished = bool(spans) and words[spans[-1][1] - 1] not in SENTENCE_END
        if spans and (open_count > 0 or unfinished):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        for w in words[start:end]:
            if w in "「『":
                open_count += 1
            elif w in "」』" and open_count > 0:
                open_count -= 1
    return spans


# Token attributes read in one call (spaCy ``Doc.to_array``), not through a Token object each
_COLUMNS = ("ORTH", "LEMMA", "POS", "TAG", "DEP", "IDX", "SPACY", "HEAD", "SENT_START")


def _bunsetsu_starts(sdoc: Any, sent_start: list[int]) -> set[int]:
    """The first token of each bunsetsu: ``ginza.bunsetu_span(head).start`` for each bunsetsu head
    (the nearest token at or before the head, past the first, that opens a bunsetsu or a sentence)."""
    import ginza

    labels = ginza.bunsetu_bi_labels(sdoc)
    opener, last = [0] * len(labels), 0
    for k in range(1, len(labels)):
        if labels[k] == "B" or sent_start[k] > 0:
            last = k
        opener[k] = last
    return {opener[h] for h in ginza.bunsetu_head_list(sdoc)}


def to_sentences(sdoc: Any, doc_id: str, sec: Section) -> list[Sentence]:
    """spaCy Doc of one section -> Sentence records with document offsets."""
    from spacy.attrs import IDS
    from spacy.parts_of_speech import NAMES

    table = sdoc.to_array([IDS[c] for c in _COLUMNS])  # uint64: string ids are hashes
    orth, lemma, pos, tag, dep, idx, space = table[:, :7].T.tolist()
    head, sent_start = table[:, 7:].astype("int64").T.tolist()  # signed: offsets, -1 / 0 / 1
    lookup = sdoc.vocab.strings.__getitem__
    labels = {k: lookup(k) for k in {*tag, *dep}}  # a few dozen labels, looked up once each
    words, lemmas = list(map(lookup, orth)), list(map(lookup, lemma))
    tags, deps, poses = [labels[k] for k in tag], [labels[k] for k in dep], [NAMES[k] for k in pos]
    # a token without a dependency label (spaCy's missing head) is its own head
    heads = [k + h if d else k for k, (h, d) in enumerate(zip(head, dep, strict=True))]
    starts = _bunsetsu_starts(sdoc, sent_start)
    whole = "".join([w + " " if sp else w for w, sp in zip(words, space, strict=True)])  # Doc.text
    out: list[Sentence] = []
    for a, b in _quote_balanced_spans(sdoc, words):
        text = whole[idx[a]:idx[b - 1] + len(words[b - 1])]
        if not text.strip():
            continue
        toks = tuple(
            Token(k - a, words[k], lemmas[k], poses[k], tags[k], deps[k],
                  heads[k] - a if a <= heads[k] < b else k - a, sec.start + idx[k], k in starts)
            for k in range(a, b)
        )
        start = sec.start + idx[a]
        out.append(Sentence(doc_id, text, start, start + len(text), "ja", sec.kind, toks))
    return out
