-- The PostgreSQL twin of db/migration/sqlite/V2__change_versions.sql.
-- A version per company and table, bumped by every insert, update and delete in the same transaction as the
-- change itself. A reader that sees version v sees exactly the rows of version v, whichever connection or
-- process wrote them, so whatever was derived from version v (a total, the positions of pages) stays true
-- until the version moves. See docs/persistence.md, "Paging".
CREATE TABLE cc_change (
    table_name text COLLATE "C" NOT NULL,
    company_id bigint NOT NULL,
    version    bigint NOT NULL,
    PRIMARY KEY (table_name, company_id)
);

CREATE FUNCTION cc_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO cc_change VALUES (TG_TABLE_NAME,
            CASE WHEN TG_OP = 'DELETE' THEN OLD.company_id ELSE NEW.company_id END, 1)
        ON CONFLICT (table_name, company_id) DO UPDATE SET version = cc_change.version + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER customer_profile_inserted AFTER INSERT ON customer_profile FOR EACH ROW EXECUTE FUNCTION cc_changed();
CREATE TRIGGER customer_profile_updated AFTER UPDATE ON customer_profile FOR EACH ROW EXECUTE FUNCTION cc_changed();
CREATE TRIGGER customer_profile_deleted AFTER DELETE ON customer_profile FOR EACH ROW EXECUTE FUNCTION cc_changed();
CREATE TRIGGER customer_type_inserted AFTER INSERT ON customer_type FOR EACH ROW EXECUTE FUNCTION cc_changed();
CREATE TRIGGER customer_type_updated AFTER UPDATE ON customer_type FOR EACH ROW EXECUTE FUNCTION cc_changed();
CREATE TRIGGER customer_type_deleted AFTER DELETE ON customer_type FOR EACH ROW EXECUTE FUNCTION cc_changed();
