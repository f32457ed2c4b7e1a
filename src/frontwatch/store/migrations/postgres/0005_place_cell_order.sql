-- The bbox walk in date order (issue 15: a 2 x 2 degree box was the one /api/events mix over
-- 100 ms p95 at 1M events on PostgreSQL). A box reads each 1-degree cell it touches newest first,
-- ties by event id (``ORDER BY date DESC, id``); the cell index of 0001 kept the date ascending,
-- so a backward scan gave the ids descending too and PostgreSQL sorted every row of the cell
-- before its LIMIT (6,424 rows for one cell of a dense box at 284k events). With the date stored
-- descending the scan is in the page's order and stops after one page. SQLite's index has been
-- built this way since 0001.
DROP INDEX IF EXISTS event_place_cell;
CREATE INDEX event_place_cell ON event_place (cell, date DESC, id, event_pk, lat, lon, event, factuality);
