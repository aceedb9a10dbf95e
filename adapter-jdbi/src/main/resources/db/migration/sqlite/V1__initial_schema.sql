-- Companies (tenants). Company 0 always exists.
CREATE TABLE company (
    id   INTEGER PRIMARY KEY CHECK (id >= 0),
    name TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 255)
);
INSERT INTO company (id, name) VALUES (0, 'Default Company');

-- Customer profiles (Simpro dialect). AUTOINCREMENT: an ID is never handed out twice.
-- name_fold is Name.key(): the case-insensitive, NFC equality key that uniqueness is decided on.
CREATE TABLE customer_profile (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    company_id INTEGER NOT NULL REFERENCES company (id),
    name       TEXT    NOT NULL,
    name_fold  TEXT    NOT NULL,
    archived   INTEGER NOT NULL CHECK (archived IN (0, 1)),
    CONSTRAINT customer_profile_name_unique UNIQUE (company_id, name_fold)
);
CREATE INDEX customer_profile_by_company ON customer_profile (company_id, id);
CREATE INDEX customer_profile_by_archived ON customer_profile (company_id, archived, id);

-- Customer types (Sage Intacct dialect): a per-company hierarchy.
-- Timestamps are UTC epoch seconds. The parent must be a type of the same company (composite foreign key);
-- deleting a parent is refused by the same key.
CREATE TABLE customer_type (
    key         INTEGER PRIMARY KEY AUTOINCREMENT,
    company_id  INTEGER NOT NULL REFERENCES company (id),
    name        TEXT    NOT NULL,
    name_fold   TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('active', 'inactive')),
    parent_key  INTEGER CHECK (parent_key IS NULL OR parent_key <> key),
    created_at  INTEGER NOT NULL,
    created_by  TEXT,
    modified_at INTEGER NOT NULL,
    modified_by TEXT,
    CONSTRAINT customer_type_name_unique UNIQUE (company_id, name_fold),
    CONSTRAINT customer_type_company_key UNIQUE (company_id, key),
    CONSTRAINT customer_type_parent FOREIGN KEY (company_id, parent_key) REFERENCES customer_type (company_id, key)
);
CREATE INDEX customer_type_by_parent ON customer_type (company_id, parent_key, key);
CREATE INDEX customer_type_by_status ON customer_type (company_id, status, key);
