"""English coding: the stages of ``coding.stages`` for English text (spaCy tokens, lookup lemmas).

- ``rules``: the lexicons (``events.en.toml``, ``factuality.en.toml``, ``syntax.en.toml``)
- ``mentions``: actor mentions with token positions, wire datelines
- ``attribution``: who says which words
- ``roles``: actor and recipient
- ``choice``: how a trigger reads (negated, hedged, promised, warned) and which triggers are usable
- ``constraints``: named rules that drop or retype a candidate frame
- ``counts``: casualty counts and horizons
- ``story``: steps across sentences (a reaction answers the last other party, dates carry)
- ``coder``: ``code_sentences``, the entry point ``coding.coder`` calls
"""

from frontwatch.coding.en.coder import code_sentences

__all__ = ["code_sentences"]
