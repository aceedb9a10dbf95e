-- Identity (CONTRACT §4): API clients and their grants, API keys, token families with their refresh tokens,
-- access tokens revoked one by one, failed-authentication counters, and the keys that sign access tokens.
-- Timestamps are UTC epoch milliseconds. Secrets are never stored: client secrets and API keys as slow
-- (Argon2id) hashes, refresh tokens as SHA-256 fingerprints. Plain SQL that PostgreSQL reads alike.

CREATE TABLE client (
    client_id   TEXT    NOT NULL PRIMARY KEY CHECK (length(client_id) BETWEEN 1 AND 64),
    admin       INTEGER NOT NULL CHECK (admin IN (0, 1)),
    secret_hash TEXT    NOT NULL
);

-- A client's grants in their order; company_id NULL is every company ("*").
CREATE TABLE client_grant (
    client_id  TEXT    NOT NULL REFERENCES client (client_id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    company_id INTEGER CHECK (company_id IS NULL OR company_id >= 0),
    resource   TEXT    NOT NULL CHECK (resource IN ('customer-profile', 'customer-type')),
    can_list   INTEGER NOT NULL CHECK (can_list IN (0, 1)),
    can_view   INTEGER NOT NULL CHECK (can_view IN (0, 1)),
    can_add    INTEGER NOT NULL CHECK (can_add IN (0, 1)),
    can_edit   INTEGER NOT NULL CHECK (can_edit IN (0, 1)),
    can_delete INTEGER NOT NULL CHECK (can_delete IN (0, 1)),
    PRIMARY KEY (client_id, position)
);

CREATE TABLE api_key (
    key_id      TEXT    NOT NULL PRIMARY KEY,
    client_id   TEXT    NOT NULL REFERENCES client (client_id) ON DELETE CASCADE,
    secret_hash TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX api_key_by_client ON api_key (client_id, created_at);

-- The tokens of one client_credentials grant and its refreshes; revoking the family ends them all.
CREATE TABLE token_family (
    family_id     TEXT    NOT NULL PRIMARY KEY,
    client_id     TEXT    NOT NULL REFERENCES client (client_id) ON DELETE CASCADE,
    user_name     TEXT,
    company_limit INTEGER CHECK (company_limit IS NULL OR company_limit >= 0),
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    revoked_at    INTEGER
);
CREATE INDEX token_family_by_client ON token_family (client_id);
CREATE INDEX token_family_by_expiry ON token_family (expires_at);

CREATE TABLE refresh_token (
    fingerprint TEXT    NOT NULL PRIMARY KEY,
    family_id   TEXT    NOT NULL REFERENCES token_family (family_id) ON DELETE CASCADE,
    issued_at   INTEGER NOT NULL,
    used_at     INTEGER
);
CREATE INDEX refresh_token_by_family ON refresh_token (family_id);

-- Kept until the token would have expired anyway, then deleted through the expiry index.
CREATE TABLE revoked_access_token (
    token_id   TEXT    NOT NULL PRIMARY KEY,
    expires_at INTEGER NOT NULL
);
CREATE INDEX revoked_access_token_by_expiry ON revoked_access_token (expires_at);

-- Per client id, known or not (no foreign key): the current window of failed authentications.
CREATE TABLE failed_authentication (
    client_id    TEXT    NOT NULL PRIMARY KEY,
    window_start INTEGER NOT NULL,
    failures     INTEGER NOT NULL CHECK (failures >= 0)
);
CREATE INDEX failed_authentication_by_window ON failed_authentication (window_start);

-- The key pairs that sign access tokens, as the token codec writes them (a private JWK); see docs/security.md.
CREATE TABLE signing_key (
    key_id     TEXT    NOT NULL PRIMARY KEY,
    algorithm  TEXT    NOT NULL,
    material   TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    retired_at INTEGER
);

-- The identity change version is the cc_change row ('identity', 0): moved forward by every change that can take
-- access away, in the same transaction, and read on every authenticated request.
INSERT INTO cc_change (table_name, company_id, version) VALUES ('identity', 0, 0);
