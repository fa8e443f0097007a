-- Communication 8: a customer's private link expires when it has gone unused for a while
-- (90 days by default), and every use renews it. Links from before count from now.
ALTER TABLE follow_up_links ADD COLUMN expires_at TEXT;
UPDATE follow_up_links SET expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+90 days');
