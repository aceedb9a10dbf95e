package io.customerclassification.adapter.jdbi.customertype;

import io.customerclassification.domain.shared.Name;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Names and parents of a list of types, read by {@link CustomerTypeSql.SubtreeSql#namesAndParents} in key order and
 * found again by binary search: no boxed keys, no hash map, for the thousands of rows of a subtree page.
 */
final class NamedRows {

    private long[] keys;
    private Name[] names;
    private long[] parents;
    private int size;

    private NamedRows(int capacity) {
        keys = new long[Math.max(capacity, 1)];
        names = new Name[keys.length];
        parents = new long[keys.length];
    }

    /** Runs {@code namesAndParents}, prepared as {@code statement}; a type without a parent has parent 0. */
    static NamedRows read(PreparedStatement statement, long company, String jsonKeys, int expected)
            throws SQLException {
        NamedRows rows = new NamedRows(expected);
        statement.setLong(1, company);
        statement.setString(2, jsonKeys);
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(result.getLong(1), Name.of(result.getString(2)), result.getLong(3));
            }
        }
        return rows;
    }

    private void add(long key, Name name, long parent) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            names = Arrays.copyOf(names, size * 2);
            parents = Arrays.copyOf(parents, size * 2);
        }
        if (size > 0 && key <= keys[size - 1]) {
            throw new IllegalStateException("rows out of key order: " + key + " after " + keys[size - 1]);
        }
        keys[size] = key;
        names[size] = name;
        parents[size] = parent;
        size++;
    }

    /** The position of {@code key}, or a negative number when it was not read. */
    int indexOf(long key) {
        return Arrays.binarySearch(keys, 0, size, key);
    }

    Name name(int index) {
        return names[index];
    }

    long parent(int index) {
        return parents[index];
    }

    /** The parents of the rows read that are not rows read themselves, each once, ascending. */
    long[] parentsNotRead() {
        long[] outside = new long[size];
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (parents[i] != 0 && indexOf(parents[i]) < 0) {
                outside[count++] = parents[i];
            }
        }
        Arrays.sort(outside, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (distinct == 0 || outside[distinct - 1] != outside[i]) {
                outside[distinct++] = outside[i];
            }
        }
        return Arrays.copyOf(outside, distinct);
    }
}
