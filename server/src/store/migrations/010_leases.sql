-- Switchboard 10: jobs that one instance at a time does for the team (today: reading a
-- forwarded vendor's list for what changed there). The holder renews its lease before it
-- runs out; when it stops renewing (it died), another instance takes the job over.
CREATE TABLE leases (
    name   TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until  TEXT NOT NULL
);
