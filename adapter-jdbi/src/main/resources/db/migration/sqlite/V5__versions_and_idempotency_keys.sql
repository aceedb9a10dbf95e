-- Every change of a profile or a type moves its version by one, in the statement that makes the change, so that an
-- item's strong ETag (CONTRACT §3.2) follows its stored state exactly; existing rows start at version 1. The height
-- upkeep of the types does not move it: a height is no part of any answer.
ALTER TABLE customer_profile ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE customer_type ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

-- The Idempotency-Key of POST requests (CONTRACT §3.2): per client and key, a hash of the request, and its first
-- answer once there is one; while there is none, the run holding claim_token is doing the request (since claimed_at,
-- epoch milliseconds). Rows are kept until expires_at (epoch milliseconds, 24 hours after the claim); expired ones
-- are deleted in small batches through the expiry index, never by a scan. See docs/persistence.md, "Idempotency
-- keys".
CREATE TABLE idempotency_key (
    id           INTEGER PRIMARY KEY,
    client       TEXT    NOT NULL,
    key          TEXT    NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_hash BLOB    NOT NULL,
    claim_token  INTEGER NOT NULL,
    claimed_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    status       INTEGER,
    headers      TEXT,
    body         BLOB,
    CONSTRAINT idempotency_key_unique UNIQUE (client, key)
);
CREATE INDEX idempotency_key_by_expiry ON idempotency_key (expires_at);
