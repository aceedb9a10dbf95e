-- A version per company and table, bumped by every insert, update and delete in the same transaction as the
-- change itself. A reader that sees version v sees exactly the rows of version v, whichever connection or
-- process wrote them, so whatever was derived from version v (a total, the positions of pages) stays true
-- until the version moves. See docs/persistence.md, "Paging".
CREATE TABLE cc_change (
    table_name TEXT    NOT NULL,
    company_id INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    PRIMARY KEY (table_name, company_id)
) WITHOUT ROWID;

CREATE TRIGGER customer_profile_inserted AFTER INSERT ON customer_profile BEGIN
    INSERT INTO cc_change VALUES ('customer_profile', NEW.company_id, 1)
        ON CONFLICT (table_name, company_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER customer_profile_updated AFTER UPDATE ON customer_profile BEGIN
    INSERT INTO cc_change VALUES ('customer_profile', NEW.company_id, 1)
        ON CONFLICT (table_name, company_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER customer_profile_deleted AFTER DELETE ON customer_profile BEGIN
    INSERT INTO cc_change VALUES ('customer_profile', OLD.company_id, 1)
        ON CONFLICT (table_name, company_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER customer_type_inserted AFTER INSERT ON customer_type BEGIN
    INSERT INTO cc_change VALUES ('customer_type', NEW.company_id, 1)
        ON CONFLICT (table_name, company_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER customer_type_updated AFTER UPDATE ON customer_type BEGIN
    INSERT INTO cc_change VALUES ('customer_type', NEW.company_id, 1)
        ON CONFLICT (table_name, company_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER customer_type_deleted AFTER DELETE ON customer_type BEGIN
    INSERT INTO cc_change VALUES ('customer_type', OLD.company_id, 1)
        ON CONFLICT (table_name, company_id) DO UPDATE SET version = version + 1;
END;
