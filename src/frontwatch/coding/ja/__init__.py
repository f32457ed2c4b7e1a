"""Japanese coding: the stages of ``coding.stages`` for Japanese text (GiNZA parses).

- ``triggers``: lexicon rows of ``events.ja.toml`` found in a sentence
- ``syntax``: quotes and actor mentions with their particles (the ``Analysis`` of a sentence)
- ``reports``: reports (「…」と述べた) with their speakers
- ``earlier``: mentions read with the article's earlier sentences (トゥスク首相, bare 軍, コンゴ)
- ``roles``: actor and recipient of one trigger from the particles (``sides``: との sides, located targets)
- ``scope``: the report a trigger sits in, suppression, factuality, dates, places
- ``stages``: segment, frames, constraints, choice (``JapaneseStages``)
- ``resolution``: the parties the syntax left open, factuality, places, date of a frame
- ``rules``, ``recipients``: the numbered, named rule tables resolution runs (``rule_table()``)
- ``words``: the function words of ``data/lexicon/syntax.ja.toml``
- ``parties``, ``discourse``: party helpers; steps across sentences
- ``coder``: ``code_sentences``, the entry point ``coding.coder`` calls
"""

from frontwatch.coding.ja.coder import code_sentences

__all__ = ["code_sentences"]
