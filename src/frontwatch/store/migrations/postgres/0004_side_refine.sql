-- The language, least-deaths and source filters beside a code or a country: the side rows of
-- event_party and event_country repeat their event's language, dead and site (as they already
-- repeat its date, type and factuality), so a walk of a code checks them on its own rows and a
-- capped count stops after cap rows without looking up each event (issue 15: language + party
-- + dead_min was the one /api/events mix over 100 ms p95 at 1M events on PostgreSQL).
-- Rows written before this migration are filled from their event here.
ALTER TABLE event_party ADD COLUMN language TEXT;
ALTER TABLE event_party ADD COLUMN dead INTEGER;
ALTER TABLE event_party ADD COLUMN site TEXT;
ALTER TABLE event_country ADD COLUMN language TEXT;
ALTER TABLE event_country ADD COLUMN dead INTEGER;
ALTER TABLE event_country ADD COLUMN site TEXT;
UPDATE event_party s SET language = e.language, dead = e.dead, site = e.site
FROM events e WHERE e.pk = s.event_pk;
UPDATE event_country s SET language = e.language, dead = e.dead, site = e.site
FROM events e WHERE e.pk = s.event_pk;
-- A code (or country) with a language and a least-deaths bound: the capped count reads these
-- entries alone (an index-only scan stopped at the cap) where the side key made it fetch every
-- side row of the code (UKR, en, dead >= 1 at 998k events: 243 ms, now 1.4 ms). Only rows that
-- state deaths, so the index stays small (5.5 MB beside the key's 423 MB there). SQLite has no
-- such index: its planner would read the page from it and sort, where walking the key (whose rows
-- hold these columns, WITHOUT ROWID) in date order stops after one page.
CREATE INDEX event_party_refine ON event_party (role, code, language, dead) WHERE dead IS NOT NULL;
CREATE INDEX event_country_refine ON event_country (country, language, dead) WHERE dead IS NOT NULL;
