-- Switchboard 9: what changed, for the consoles' event stream (`GET /api/events`): one
-- row per change to a conversation of a backend (a message, its status, its assignee, its
-- read state), numbered in the order they were committed, so a console that was asleep
-- asks for what came after the last number it saw. Rows older than a day are swept; a
-- console further behind is told to reload its lists. `item` is the conversation's id as
-- its backend knows it, or NULL when the write did not say which (the console then asks
-- the backend's first page again).
CREATE TABLE events (
    id      INTEGER PRIMARY KEY,
    backend TEXT NOT NULL,
    item    TEXT,
    kind    TEXT NOT NULL,
    -- The console (a browser tab) whose write it was, as it named itself; NULL for others.
    origin  TEXT,
    at      TEXT NOT NULL
);
-- A vendor's watcher asks whether a write through Switchboard already announced a change.
CREATE INDEX events_by_item ON events (backend, item);
