-- frontwatch store, first version (SQLite).
-- documents: one row per doc_id, pointing at its current version.
-- versions: every stored content of a document; content_hash is unique across the store.
-- events: the CURRENT version's events: the columns filters and order use, kept narrow
--   so that scans and lookups stay in cache; event_records holds each one's full JSON.
-- event_party / event_place: side tables for code and place filters.
-- event_archive: records of superseded versions, kept as JSON.
-- search_text: the current versions' sections and comments, indexed by search_fts.

CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY,
    current_version INTEGER NOT NULL,
    current_id INTEGER NOT NULL,
    published TEXT
);
CREATE INDEX documents_published ON documents (published DESC, doc_id);

CREATE TABLE versions (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) DEFERRABLE INITIALLY DEFERRED,
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    title TEXT,
    category TEXT,
    published TEXT,
    published_source TEXT,
    language TEXT,
    url TEXT,
    source TEXT,
    stored_at TEXT NOT NULL,
    UNIQUE (doc_id, version)
);

CREATE TABLE sections (
    version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    language TEXT,
    url TEXT,
    PRIMARY KEY (version_id, ord)
) WITHOUT ROWID;

CREATE TABLE comments (
    version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    author TEXT,
    date TEXT,
    likes INTEGER,
    depth INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (version_id, ord)
) WITHOUT ROWID;

CREATE TABLE events (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id),
    version_id INTEGER NOT NULL REFERENCES versions (id),
    event TEXT NOT NULL,
    date TEXT,
    factuality TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX events_date ON events (date DESC, id);
CREATE INDEX events_event_date ON events (event, date DESC, id);
CREATE INDEX events_factuality_date ON events (factuality, date DESC, id);
CREATE INDEX events_doc ON events (doc_id);

CREATE TABLE event_records (
    pk INTEGER PRIMARY KEY REFERENCES events (pk) ON DELETE CASCADE,
    record TEXT NOT NULL
);

-- Side tables for code and place filters. Each row repeats its event's date, id, type
-- and factuality, so that a filter on a code or a place walks one index in the
-- "date DESC, id" order, checks the other column filters in place, and counts without
-- touching the events table. An undated event has date '' here (sorts last).
CREATE TABLE event_party (
    role TEXT NOT NULL,
    code TEXT NOT NULL,
    date TEXT NOT NULL,
    id TEXT NOT NULL,
    event_pk INTEGER NOT NULL REFERENCES events (pk) ON DELETE CASCADE,
    event TEXT NOT NULL,
    factuality TEXT NOT NULL,
    PRIMARY KEY (role, code, date DESC, id)
) WITHOUT ROWID;
CREATE INDEX event_party_event ON event_party (event_pk);
-- a code and an event type together: the dashboard's most common pair, walked in order
CREATE INDEX event_party_type ON event_party (role, code, event, date DESC, id);

CREATE TABLE event_country (
    country TEXT NOT NULL,
    date TEXT NOT NULL,
    id TEXT NOT NULL,
    event_pk INTEGER NOT NULL REFERENCES events (pk) ON DELETE CASCADE,
    event TEXT NOT NULL,
    factuality TEXT NOT NULL,
    PRIMARY KEY (country, date DESC, id)
) WITHOUT ROWID;
CREATE INDEX event_country_event ON event_country (event_pk);

CREATE TABLE event_place (
    event_pk INTEGER NOT NULL REFERENCES events (pk) ON DELETE CASCADE,
    cell INTEGER NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    date TEXT NOT NULL,
    id TEXT NOT NULL,
    event TEXT NOT NULL,
    factuality TEXT NOT NULL
);
CREATE INDEX event_place_lon_lat ON event_place (lon, lat, date, id, event_pk, event, factuality);
CREATE INDEX event_place_event ON event_place (event_pk);
-- 1-degree grid cells: a small box reads a few cells, each in date order
CREATE INDEX event_place_cell ON event_place (cell, date DESC, id, event_pk, lat, lon, event, factuality);

CREATE VIRTUAL TABLE events_fts USING fts5 (
    text, content='events', content_rowid='pk', tokenize='trigram'
);
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts (rowid, text) VALUES (new.pk, new.text);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, text) VALUES ('delete', old.pk, old.text);
END;

CREATE TABLE event_archive (
    version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (version_id, id)
) WITHOUT ROWID;

CREATE TABLE search_text (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL,
    ord INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX search_text_doc ON search_text (doc_id);

CREATE VIRTUAL TABLE search_fts USING fts5 (
    text, content='search_text', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER search_fts_insert AFTER INSERT ON search_text BEGIN
    INSERT INTO search_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER search_fts_delete AFTER DELETE ON search_text BEGIN
    INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
