-- PostgreSQL's form of ../008_follow_up_expiry.sql: bigint for integer, bytea for blob, an identity for seq.
-- Communication 8: a customer's private link expires when it has gone unused for a while
-- (90 days by default), and every use renews it. Links from before count from now.
ALTER TABLE follow_up_links ADD COLUMN expires_at TEXT;
UPDATE follow_up_links
    SET expires_at = to_char(now() AT TIME ZONE 'UTC' + interval '90 days', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
