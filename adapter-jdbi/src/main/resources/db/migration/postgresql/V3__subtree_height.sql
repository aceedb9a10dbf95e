-- The PostgreSQL twin of db/migration/sqlite/V3__subtree_height.sql.
-- Every type keeps the height of its subtree: how many levels it has, the type itself counted (1 for a leaf),
-- at most 65 (one past the deepest allowed level: "deeper than any tree may be"). See docs/persistence.md,
-- "Hierarchy reads".
ALTER TABLE customer_type ADD COLUMN height integer NOT NULL DEFAULT 1 CHECK (height BETWEEN 1 AND 65);

-- The heights of the existing trees: every type's longest way down, found by walking up from every type.
-- The walk is cut at 64 steps, so damaged data with a cycle ends too.
WITH RECURSIVE up (company_id, ancestor, distance) AS (
    SELECT company_id, parent_key, 1 FROM customer_type WHERE parent_key IS NOT NULL
    UNION ALL
    SELECT t.company_id, t.parent_key, up.distance + 1 FROM up
        JOIN customer_type t ON t.company_id = up.company_id AND t.key = up.ancestor
        WHERE t.parent_key IS NOT NULL AND up.distance < 64)
UPDATE customer_type SET height = h.height
    FROM (SELECT company_id, ancestor, LEAST(MAX(distance) + 1, 65) AS height FROM up GROUP BY company_id, ancestor) AS h
    WHERE customer_type.company_id = h.company_id AND customer_type.key = h.ancestor;

-- The parent index also covers the height, so a type's tallest child is read from the index alone.
DROP INDEX customer_type_by_parent;
CREATE INDEX customer_type_by_parent ON customer_type (company_id, parent_key, key, height);
