-- frontwatch store, first version (PostgreSQL). Same tables as the SQLite schema;
-- full-text search by pg_trgm GIN indexes (ILIKE '%...%'), which work for Japanese
-- when the database's LC_CTYPE classifies CJK characters (C.UTF-8, *.UTF-8 locales).
-- Identifiers and ISO dates use the "C" collation so that ORDER BY matches SQLite's.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE documents (
    doc_id TEXT COLLATE "C" PRIMARY KEY,
    current_version INTEGER NOT NULL,
    current_id BIGINT NOT NULL,
    published TEXT COLLATE "C"
);
CREATE INDEX documents_published ON documents (published DESC NULLS LAST, doc_id);

CREATE TABLE versions (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents (doc_id) DEFERRABLE INITIALLY DEFERRED,
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    title TEXT,
    category TEXT,
    published TEXT COLLATE "C",
    published_source TEXT,
    language TEXT,
    url TEXT,
    source TEXT,
    stored_at TEXT NOT NULL,
    UNIQUE (doc_id, version)
);

CREATE TABLE sections (
    version_id BIGINT NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    language TEXT,
    url TEXT,
    PRIMARY KEY (version_id, ord)
);

CREATE TABLE comments (
    version_id BIGINT NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    author TEXT,
    date TEXT,
    likes INTEGER,
    depth INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (version_id, ord)
);

CREATE TABLE events (
    pk BIGSERIAL PRIMARY KEY,
    id TEXT COLLATE "C" NOT NULL UNIQUE,
    doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents (doc_id),
    version_id BIGINT NOT NULL REFERENCES versions (id),
    event TEXT NOT NULL,
    date TEXT COLLATE "C",
    factuality TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX events_date ON events (date DESC NULLS LAST, id);
CREATE INDEX events_event_date ON events (event, date DESC NULLS LAST, id);
CREATE INDEX events_factuality_date ON events (factuality, date DESC NULLS LAST, id);
CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX events_text_trgm ON events USING gin (text gin_trgm_ops);

CREATE TABLE event_records (
    pk BIGINT PRIMARY KEY REFERENCES events (pk) ON DELETE CASCADE,
    record JSONB NOT NULL
);

-- Side tables for code and place filters. Each row repeats its event's date, id, type
-- and factuality, so that a filter on a code or a place walks one index in the
-- "date DESC, id" order, checks the other column filters in place, and counts without
-- touching the events table. An undated event has date '' here (sorts last).
CREATE TABLE event_party (
    role TEXT NOT NULL,
    code TEXT NOT NULL,
    date TEXT COLLATE "C" NOT NULL,
    id TEXT COLLATE "C" NOT NULL,
    event_pk BIGINT NOT NULL REFERENCES events (pk) ON DELETE CASCADE,
    event TEXT NOT NULL,
    factuality TEXT NOT NULL,
    PRIMARY KEY (role, code, date, id)
);
CREATE INDEX event_party_event ON event_party (event_pk);
CREATE INDEX event_party_type ON event_party (role, code, event, date, id);

CREATE TABLE event_country (
    country TEXT NOT NULL,
    date TEXT COLLATE "C" NOT NULL,
    id TEXT COLLATE "C" NOT NULL,
    event_pk BIGINT NOT NULL REFERENCES events (pk) ON DELETE CASCADE,
    event TEXT NOT NULL,
    factuality TEXT NOT NULL,
    PRIMARY KEY (country, date, id)
);
CREATE INDEX event_country_event ON event_country (event_pk);

CREATE TABLE event_place (
    event_pk BIGINT NOT NULL REFERENCES events (pk) ON DELETE CASCADE,
    cell INTEGER NOT NULL,
    lat DOUBLE PRECISION NOT NULL,
    lon DOUBLE PRECISION NOT NULL,
    date TEXT COLLATE "C" NOT NULL,
    id TEXT COLLATE "C" NOT NULL,
    event TEXT NOT NULL,
    factuality TEXT NOT NULL
);
CREATE INDEX event_place_lon_lat ON event_place (lon, lat, date, id, event_pk, event, factuality);
CREATE INDEX event_place_event ON event_place (event_pk);
-- 1-degree grid cells: a small box reads a few cells, each in date order
CREATE INDEX event_place_cell ON event_place (cell, date, id, event_pk, lat, lon, event, factuality);

CREATE TABLE event_archive (
    version_id BIGINT NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    record JSONB NOT NULL,
    PRIMARY KEY (version_id, id)
);

CREATE TABLE search_text (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents (doc_id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL,
    ord INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX search_text_doc ON search_text (doc_id);
CREATE INDEX search_text_trgm ON search_text USING gin (text gin_trgm_ops);
