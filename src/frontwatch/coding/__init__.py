"""Coding: parsed sentences -> PLOVER event records, one package per language over a shared core.

Layout (spaCy's ``lang/<code>/`` is the model)::

    coding/
      coder.py     DefaultCoder: routes each document's sections by language, then
                   finishes (one record per action across the text, ids doc_id#n)
      context.py   CodingContext: the loaded resources (actors, weapons, lexicons, geocoder)
      lexicon.py   the event lexicon and factuality cues, read from data/lexicon/*.toml
      stages.py    the shared stage types and the order they run in (below)
      ja/          Japanese stages (GiNZA parses)
      en/          English stages

The flow of one sentence, the same for every language (``stages.code_sentence``)::

    segment      quotes, attributions (who said which span), clauses, trigger spots
    frames       one candidate Frame per trigger: actor, recipient from the syntax
    constraints  named rules (Verdict) that drop a frame: part of a name, the content
                 of another event, background description, the means of the next act
    resolution   parties the syntax left open, factuality, places, date, casualties
    choice       which frames of one action make records (a statement and what it reports)
    record       records.Event, with an Explanation naming the rule and the data rows used

Steps across sentences (a reaction answers the event before it, 同日, orphan casualty
counts) run after, in the language package; duplicates across headline, lead and body
are merged by ``coder.finish``.
"""
