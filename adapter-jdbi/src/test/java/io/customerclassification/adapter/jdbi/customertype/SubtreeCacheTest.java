package io.customerclassification.adapter.jdbi.customertype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubtreeCacheTest {

    /** A walk over levels given as {@code group_concat} lists, through a statement that answers them in turn. */
    private static Subtree walked(String... levels) throws Exception {
        Deque<String[]> answers = new ArrayDeque<>();
        for (String level : levels) {
            answers.add(new String[] {level, level});
        }
        answers.add(new String[] {null, null});
        String[][] current = new String[1][];
        ResultSet rows = (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(),
                new Class<?>[] {ResultSet.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "next" -> {
                        current[0] = answers.poll();
                        yield true;
                    }
                    case "getString" -> current[0][(Integer) args[0] - 1];
                    default -> null;
                });
        PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(
                PreparedStatement.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> method.getName().equals("executeQuery") ? rows : null);
        return Subtree.walk(statement, 0, 1);
    }

    @Test
    void aWalkKeepsEachLevelSortedAndKnowsItsLevels() throws Exception {
        Subtree subtree = walked("7,3,5", "12,9", "40");
        assertEquals(6, subtree.size());
        assertEquals(List.of(3L, 5L, 7L, 9L, 12L, 40L),
                java.util.stream.IntStream.range(0, 6).mapToObj(subtree::key).toList());
        assertEquals(List.of(1, 1, 1, 2, 2, 3),
                java.util.stream.IntStream.range(0, 6).mapToObj(subtree::levelOf).toList());
        assertEquals("[5,7,9]", subtree.jsonArray(1, 4));
    }

    @Test
    void anEntryServesOnlyItsVersion() throws Exception {
        SubtreeCache cache = new SubtreeCache();
        Subtree subtree = walked("2,3");
        cache.put(0, 1, 41, subtree);
        assertSame(subtree, cache.get(0, 1, 41));
        assertNull(cache.get(0, 1, 42), "a later version is a miss");
        assertNull(cache.get(7, 1, 41), "another company is a miss");
        assertNull(cache.get(0, 2, 41), "another start is a miss");
        Subtree later = walked("2");
        cache.put(0, 1, 42, later);
        assertSame(later, cache.get(0, 1, 42));
        assertNull(cache.get(0, 1, 41));
        assertEquals(1, cache.entries());
    }

    @Test
    void theLeastRecentlyUsedGoFirstByEntriesAndByKeys() throws Exception {
        SubtreeCache cache = new SubtreeCache(3, 10);
        cache.put(0, 1, 1, walked("2,3"));
        cache.put(0, 2, 1, walked("4,5"));
        cache.put(0, 3, 1, walked("6,7"));
        cache.get(0, 1, 1); // 1 is now the most recently used
        cache.put(0, 4, 1, walked("8"));
        assertNull(cache.get(0, 2, 1), "over three entries: the least recently used went");
        assertEquals(3, cache.entries());
        cache.put(0, 5, 1, walked("9,10,11,12,13,14"));
        assertNull(cache.get(0, 3, 1), "over ten keys: the least recently used went until they fit");
        assertEquals(9, sizeOf(cache, 1) + sizeOf(cache, 4) + sizeOf(cache, 5));
        cache.put(0, 6, 1, walked("1,2,3,4,5,6,7,8,9,10,11"));
        assertNull(cache.get(0, 6, 1), "a walk larger than the whole cache is not kept");
        assertEquals(3, cache.entries(), "and drops nothing");
    }

    private static int sizeOf(SubtreeCache cache, long key) {
        Subtree subtree = cache.get(0, key, 1);
        return subtree == null ? 0 : subtree.size();
    }
}
