-- Nothing to change on SQLite: PostgreSQL's 0005 rebuilds its grid-cell index of event_place with
-- the date descending, which SQLite's ``event_place_cell`` has been since 0001. The number is kept
-- so that both backends report the same schema version for the same release.
SELECT 1;
