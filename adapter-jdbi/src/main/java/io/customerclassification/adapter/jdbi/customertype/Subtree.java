package io.customerclassification.adapter.jdbi.customertype;

import io.customerclassification.domain.customertype.CustomerTypeHierarchyPolicy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The keys below a type in the order a subtree read returns them — level by level, by key within a level — and
 * where each level starts among them. Never changed once walked, so a {@link SubtreeCache} may share it.
 */
final class Subtree {

    private long[] keys = new long[16];
    private int size;
    /** Index of the first key of each level; level 1 starts at 0. */
    private int[] levelStarts = new int[8];
    private int levels;

    int size() {
        return size;
    }

    long key(int index) {
        return keys[index];
    }

    /** The level (1 for a child of the type walked from) of the key at {@code index}. */
    int levelOf(int index) {
        int found = Arrays.binarySearch(levelStarts, 0, levels, index);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** The keys from {@code from} (inclusive) to {@code to} as a JSON array, for {@code json_each}. */
    String jsonArray(int from, int to) {
        return jsonArray(keys, from, to);
    }

    static String jsonArray(long[] keys, int from, int to) {
        StringBuilder json = new StringBuilder((to - from) * 8 + 2).append('[');
        for (int i = from; i < to; i++) {
            if (i > from) {
                json.append(',');
            }
            json.append(keys[i]);
        }
        return json.append(']').toString();
    }

    /**
     * Walks down from {@code start} with {@link CustomerTypeSql.SubtreeSql#childKeys} prepared as
     * {@code statement}, one execution per level, so that a level costs one row however wide it is. Only the
     * types whose stored height (migration V3) says they have children are asked for theirs (most types of a tree
     * are leaves), and the list of them the database returns for a level is the parameter that asks for the next
     * one.
     * <p>Only a cycle through the start can lead a walk down back to a type it has seen (every type has one
     * parent, so a type below the start whose chain loops never reaches the start): leaving the start out of
     * every level is enough to visit each type once, and the level cap ends an over-deep chain.
     */
    static Subtree walk(PreparedStatement statement, long company, long start) throws SQLException {
        Subtree subtree = new Subtree();
        String parents = Long.toString(start);
        for (int level = 1; level <= CustomerTypeHierarchyPolicy.MAX_DEPTH && parents != null; level++) {
            statement.setLong(1, company);
            statement.setString(2, "[" + parents + "]");
            statement.setLong(3, start);
            String children;
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                children = rows.getString(1);
                parents = rows.getString(2);
            }
            if (children == null) {
                break;
            }
            subtree.addLevel(children);
        }
        return subtree;
    }

    /** Appends a level given as a comma-separated list of decimal keys, as {@code group_concat} writes them. */
    private void addLevel(String list) {
        if (levels == levelStarts.length) {
            levelStarts = Arrays.copyOf(levelStarts, levels * 2);
        }
        int levelStart = size;
        levelStarts[levels++] = levelStart;
        long key = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == ',') {
                add(key);
                key = 0;
            } else {
                key = key * 10 + (c - '0');
            }
        }
        add(key);
        Arrays.sort(keys, levelStart, size);
    }

    private void add(long key) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
        }
        keys[size++] = key;
    }
}
