-- Small JSON values that long-running commands keep between runs (frontwatch watch:
-- per-feed ETag/Last-Modified and per-page status), keyed by (namespace, key).
-- Written by Store.set_state, read by Store.get_state.
CREATE TABLE state (
    namespace TEXT COLLATE "C" NOT NULL,
    key TEXT COLLATE "C" NOT NULL,
    value TEXT NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (namespace, key)
);
