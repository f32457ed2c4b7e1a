-- The dashboard's language, source and least-deaths filters, answered in SQL over the whole
-- archive: each current event keeps its sentence's language, the most dead it states and the
-- site its document came from (codec.document_site), each with a "date DESC, id" index so a
-- filtered page walks one index in order. language and dead are filled here from the records;
-- site is computed in Python (sqlcommon.backfill_sites) in the same transaction, right after.
ALTER TABLE events ADD COLUMN language TEXT;
ALTER TABLE events ADD COLUMN dead INTEGER;
ALTER TABLE events ADD COLUMN site TEXT;
UPDATE events e SET
    language = coalesce(r.record ->> 'language', 'und'),
    dead = (r.record ->> 'dead')::integer
FROM event_records r WHERE r.pk = e.pk;
CREATE INDEX events_language_date ON events (language, date DESC NULLS LAST, id);
CREATE INDEX events_site_date ON events (site, date DESC NULLS LAST, id);
CREATE INDEX events_dead_date ON events (dead, date DESC NULLS LAST, id);
