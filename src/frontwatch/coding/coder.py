"""The default coder (registry name "default"): routes each coded section by language.

1. Sentences: ``nlp.japanese.JapanesePipeline`` for Japanese sections and
   ``nlp.english.EnglishPipeline`` for English ones (skipped while that module is
   not installed); both only see the title and body (``records.CODED_KINDS``).
2. Candidates: ``coding.ja.code_sentences`` / ``coding.en.code_sentences``
   with a ``CodingContext`` carrying the document's publication date; each runs the
   stages of ``coding.stages`` sentence by sentence, then ``coding.dating.date_from_story``
   (a record with no day of its own, or only the report's, takes the day the story gives the same act).
3. Finishing, shared by languages: ``resolve.dedup.merge_duplicates`` (one record per
   action across headline, lead and body), places carried between records, the learned record
   filter (``coding.record_filter``: drops records a person coding the page would not have
   written; ``record_filter=False`` keeps every record), posture told by its watcher and the
   act a scramble answers (``coding.posture``), then ids ``doc_id#n`` in text order.

Nothing is loaded until the first document is coded.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

from frontwatch.clean.url_date import url_month
from frontwatch.coding.context import CodingContext, default_context, story_countries
from frontwatch.coding.posture import scramble_answers, watched_craft
from frontwatch.coding.record_filter import RecordFilter, default_filter, is_page, not_filtered
from frontwatch.records import CODED_KINDS, Document, Event, Sentence
from frontwatch.resolve.dedup import merge_duplicates
from frontwatch.resolve.place_attach import carry_places
from frontwatch.resolve.place_mentions import one_document

# Documents parsed together: enough for nlp.pipe batching (and n_process) to pay off, few
# enough that a long input never holds more than this many parsed documents in memory.
CHUNK_DOCS = 256
CodeFn = Callable[[Document, list[Sentence], CodingContext], list[Event]]
# language -> (pipeline class path, coder module path)
LANGUAGES: dict[str, tuple[str, str]] = {
    "ja": ("frontwatch.nlp.japanese:JapanesePipeline", "frontwatch.coding.ja"),
    "en": ("frontwatch.nlp.english:EnglishPipeline", "frontwatch.coding.en"),
}


def _optional(path: str) -> Any | None:
    module, _, attr = path.partition(":")
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    return getattr(mod, attr) if attr else mod


class DefaultCoder:
    """``pipeline.Coder``: documents in, finished event records out."""

    def __init__(
        self, *, context: CodingContext | None = None, pipelines: dict[str, Any] | None = None,
        coders: dict[str, CodeFn] | None = None, n_process: int = 1, with_places: bool = True,
        record_filter: bool = True,
    ) -> None:
        self._context = context
        self._pipelines = pipelines
        self._coders = coders
        self._n_process = n_process
        self._with_places = with_places
        self._use_filter = record_filter

    # built on first use, never in the constructor
    @property
    def context(self) -> CodingContext:
        if self._context is None:
            self._context = default_context(with_places=self._with_places)
        return self._context

    def _setup(self) -> tuple[dict[str, Any], dict[str, CodeFn]]:
        if self._pipelines is None or self._coders is None:
            pipelines: dict[str, Any] = {}
            coders: dict[str, CodeFn] = {}
            for lang, (pipe_path, coder_path) in LANGUAGES.items():
                pipe_cls, mod = _optional(pipe_path), _optional(coder_path)
                if pipe_cls is None or mod is None or not hasattr(mod, "code_sentences"):
                    continue
                try:
                    pipelines[lang] = pipe_cls(n_process=self._n_process)
                except TypeError:
                    pipelines[lang] = pipe_cls()
                coders[lang] = mod.code_sentences
            self._pipelines = self._pipelines if self._pipelines is not None else pipelines
            self._coders = self._coders if self._coders is not None else coders
        return self._pipelines, self._coders

    def code(self, doc: Document) -> list[Event]:
        return next(self.code_many([doc]))[1]

    def code_many(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        """Code a stream in chunks of ``CHUNK_DOCS``: memory stays flat on long inputs."""
        chunk: list[Document] = []
        for doc in docs:
            chunk.append(doc)
            if len(chunk) >= CHUNK_DOCS:
                yield from self._code_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._code_chunk(chunk)

    def _code_chunk(self, docs: list[Document]) -> Iterator[tuple[Document, list[Event]]]:
        pipelines, coders = self._setup()
        record_filter = default_filter() if self._use_filter else None
        parsed: dict[str, dict[int, list[Sentence]]] = {}
        for lang, pipe in pipelines.items():
            wanted = [i for i, d in enumerate(docs) if has_language(d, lang)]
            if not wanted:
                continue  # no section in this language: its model is not even loaded
            sub = [docs[i] for i in wanted]
            parsed[lang] = {wanted[k]: sents for k, (_, sents) in enumerate(pipe.pipe(sub))}
        for i, doc in enumerate(docs):
            sentences = [s for by_doc in parsed.values() for s in by_doc.get(i, [])]
            ctx = self.context.for_document(doc.published).with_month(
                None if doc.published else url_month(doc.url, latest=dt.date.today())).with_countries(
                story_countries([(s.language, s.text) for s in sentences], self.context.actors))
            events: list[Event] = []
            with one_document():
                for lang, by_doc in parsed.items():
                    sents = by_doc.get(i, [])
                    if sents:
                        events.extend(coders[lang](doc, sents, ctx))
                done = finish(doc, events, ctx.geocoder, record_filter)
            yield doc, done


def has_language(doc: Document, lang: str) -> bool:
    """Does the document have a coded section (title, body) in ``lang``?"""
    if lang == "ja":
        from frontwatch.nlp.japanese import coded_sections

        return bool(coded_sections(doc))
    return any(s.kind in CODED_KINDS and (s.language or doc.language) == lang for s in doc.sections)


def finish(doc: Document, events: list[Event], geocoder: Any | None = None,
           record_filter: RecordFilter | None = None) -> list[Event]:
    """Merge repeated mentions, keep what ``record_filter`` keeps and number the records
    ``doc_id#n`` in text order."""
    merged = merge_duplicates(events)
    merged.sort(key=lambda e: (e.span[0], e.span[1], e.event))
    # an act with no place: its sentence's, or the act's before; one name for each border
    merged = carry_places(merged, geocoder, doc)
    if record_filter is not None and is_page(doc):
        merged = record_filter.keep(merged, doc.published)
    elif record_filter is not None:
        merged = [not_filtered(e) for e in merged]
    merged = scramble_answers(watched_craft(merged))  # craft a watcher reports; a scramble's answer
    return [replace(e, id=f"{doc.doc_id}#{n}", doc_id=doc.doc_id) for n, e in enumerate(merged, 1)]


def build_coder(**options: Any) -> DefaultCoder:
    """Registry factory (``frontwatch.coders`` "default"). Options: n_process, with_places, context,
    record_filter."""
    return DefaultCoder(**options)
