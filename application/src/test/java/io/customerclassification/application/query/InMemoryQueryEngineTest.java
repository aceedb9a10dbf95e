package io.customerclassification.application.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.inmemory.InMemoryPersistence;
import io.customerclassification.application.inmemory.InMemoryQueryEngine;
import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.domain.customertype.Audit;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference semantics of the neutral query model, as documented on Operator, SortKey and AggregateFunction. */
class InMemoryQueryEngineTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final InMemoryQueryEngine<CustomerTypeView> ENGINE =
            new InMemoryQueryEngine<>(CustomerTypeField.CATALOGUE, InMemoryPersistence.TYPE_FIELDS);

    private static CustomerTypeView type(long key, String name, boolean active, Long parent, String parentName,
            long createdOffsetSeconds, String createdBy) {
        Instant created = T0.plusSeconds(createdOffsetSeconds);
        CustomerType type = new CustomerType(CustomerTypeKey.of(key), CompanyId.DEFAULT, Name.of(name),
                active ? CustomerTypeStatus.ACTIVE : CustomerTypeStatus.INACTIVE,
                parent == null ? null : CustomerTypeKey.of(parent), new Audit(created, createdBy, created, createdBy), 1);
        return new CustomerTypeView(type, parentName == null ? null : Name.of(parentName));
    }

    private static final List<CustomerTypeView> DATA = List.of(
            type(1, "Reseller", true, null, null, 0, "alice"),
            type(2, "reseller gold", true, 1L, "Reseller", 60, null),
            type(3, "End user", false, null, null, 120, "Bob"),
            type(4, "100% Partner", true, 1L, "Reseller", 180, "alice"),
            type(5, "under_score", false, 3L, "End user", 240, null),
            type(6, "back\\slash", true, null, null, 300, "ALICE"));

    private static List<Long> keys(Filter filter) {
        return DATA.stream().filter(v -> ENGINE.matches(filter, v)).map(v -> v.type().key().value()).toList();
    }

    private static List<Long> keysSorted(List<SortKey> sort) {
        return ENGINE.query(DATA, new Criteria(Filter.all(), sort, Paging.of(0, 100))).items().stream()
                .map(v -> v.type().key().value()).toList();
    }

    private static Comparison cmp(QueryField field, Operator op, Object... values) {
        return Comparison.of(field, op, values);
    }

    private static Comparison icmp(QueryField field, Operator op, Object... values) {
        return Comparison.ignoringCase(field, op, values);
    }

    @Test
    void equalityAndOrderingOnEveryType() {
        assertEquals(List.of(3L), keys(cmp(CustomerTypeField.KEY, Operator.EQ, 3L)));
        assertEquals(List.of(1L, 2L, 4L, 5L, 6L), keys(cmp(CustomerTypeField.KEY, Operator.NE, 3L)));
        assertEquals(List.of(1L, 2L), keys(cmp(CustomerTypeField.KEY, Operator.LT, 3L)));
        assertEquals(List.of(1L, 2L, 3L), keys(cmp(CustomerTypeField.KEY, Operator.LE, 3L)));
        assertEquals(List.of(5L, 6L), keys(cmp(CustomerTypeField.KEY, Operator.GT, 4L)));
        assertEquals(List.of(4L, 5L, 6L), keys(cmp(CustomerTypeField.KEY, Operator.GE, 4L)));
        assertEquals(List.of(3L, 5L), keys(cmp(CustomerTypeField.STATUS, Operator.EQ, "inactive")));
        assertEquals(List.of(4L, 5L, 6L), keys(cmp(CustomerTypeField.CREATED_AT, Operator.GE, T0.plusSeconds(180))));
        assertEquals(List.of(1L), keys(cmp(CustomerTypeField.CREATED_AT, Operator.LT, T0.plusSeconds(60))));
    }

    @Test
    void inBetweenAndTheirNegations() {
        assertEquals(List.of(2L, 5L), keys(cmp(CustomerTypeField.KEY, Operator.IN, 2L, 5L, 99L)));
        assertEquals(List.of(1L, 3L, 4L, 6L), keys(cmp(CustomerTypeField.KEY, Operator.NOT_IN, 2L, 5L, 99L)));
        assertEquals(List.of(2L, 3L, 4L), keys(cmp(CustomerTypeField.KEY, Operator.BETWEEN, 2L, 4L)));
        assertEquals(List.of(1L, 5L, 6L), keys(cmp(CustomerTypeField.KEY, Operator.NOT_BETWEEN, 2L, 4L)));
        assertEquals(List.of(), keys(cmp(CustomerTypeField.KEY, Operator.BETWEEN, 4L, 2L)), "low above high is empty");
    }

    @Test
    void nullsMatchOnlyNegatedOperators() {
        assertEquals(List.of(2L, 4L), keys(cmp(CustomerTypeField.PARENT_KEY, Operator.EQ, 1L)));
        assertEquals(List.of(1L, 3L, 5L, 6L), keys(cmp(CustomerTypeField.PARENT_KEY, Operator.NE, 1L)));
        assertEquals(List.of(), keys(cmp(CustomerTypeField.PARENT_KEY, Operator.LT, 100L)).stream()
                .filter(k -> k == 1L).toList());
        assertEquals(List.of(1L, 3L, 6L), keys(cmp(CustomerTypeField.PARENT_KEY, Operator.IS_NULL)));
        assertEquals(List.of(2L, 4L, 5L), keys(cmp(CustomerTypeField.PARENT_KEY, Operator.IS_NOT_NULL)));
        assertEquals(List.of(1L, 3L, 5L, 6L), keys(cmp(CustomerTypeField.PARENT_NAME, Operator.NOT_CONTAINS, "Res")));
        assertEquals(List.of(1L, 3L, 6L), keys(Filter.not(cmp(CustomerTypeField.PARENT_KEY, Operator.GT, 0L))));
    }

    @Test
    void textOperatorsAreLiteralAndCaseSensitiveUnlessFolded() {
        assertEquals(List.of(1L), keys(cmp(CustomerTypeField.NAME, Operator.STARTS_WITH, "Res")));
        assertEquals(List.of(1L, 2L), keys(icmp(CustomerTypeField.NAME, Operator.STARTS_WITH, "RES")));
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), keys(cmp(CustomerTypeField.NAME, Operator.NOT_STARTS_WITH, "Res")));
        assertEquals(List.of(4L), keys(cmp(CustomerTypeField.NAME, Operator.CONTAINS, "0%")), "% is literal here");
        assertEquals(List.of(1L, 2L, 3L, 5L, 6L), keys(cmp(CustomerTypeField.NAME, Operator.NOT_CONTAINS, "0%")));
        assertEquals(List.of(2L), keys(cmp(CustomerTypeField.NAME, Operator.ENDS_WITH, "gold")));
        assertEquals(List.of(1L, 3L, 4L, 5L, 6L), keys(cmp(CustomerTypeField.NAME, Operator.NOT_ENDS_WITH, "gold")));
        assertEquals(List.of(), keys(cmp(CustomerTypeField.NAME, Operator.EQ, "reseller")));
        assertEquals(List.of(1L), keys(icmp(CustomerTypeField.NAME, Operator.EQ, "RESELLER")));
        assertEquals(List.of(1L, 6L), keys(icmp(CustomerTypeField.CREATED_BY, Operator.EQ, "alice")).stream()
                .filter(k -> k != 4L).toList());
        assertEquals(List.of(1L, 4L, 6L), keys(icmp(CustomerTypeField.CREATED_BY, Operator.IN, "ALICE")));
    }

    @Test
    void foldedOrderingComparesFoldedText() {
        // case-sensitive, only lower-case initials sort after "Z"
        assertEquals(List.of(2L, 5L, 6L), keys(cmp(CustomerTypeField.NAME, Operator.GT, "Z")));
        assertEquals(List.of(1L, 2L, 5L), keys(icmp(CustomerTypeField.NAME, Operator.GT, "M")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Gold%         | Gold Plus   | true",
        "Gold%         | gold        | false",
        "%old%         | Golden      | true",
        "%old          | Golden      | false",
        "%             | anything    | true",
        "%             | ''          | true",
        "100\\%%       | 100% off    | true",
        "100\\%%       | 1000 off    | false",
        "a\\\\b        | a\\b        | true",
        "under_score   | under_score | true",
        "under_score   | underXscore | false",
        "a%b%c         | abc         | true",
        "a%b%c         | acb         | false",
        "a%a           | a           | false",
        "trail\\       | trail\\     | true",
        "%%x           | yx          | true",
    })
    void likePatterns(String pattern, String text, boolean expected) {
        assertEquals(expected, TextPatterns.likeMatches(pattern.strip(), text.strip()),
                pattern + " against " + text);
    }

    @Test
    void likeOnRecordsFoldsWhenCaseInsensitive() {
        assertEquals(List.of(1L, 2L), keys(icmp(CustomerTypeField.NAME, Operator.LIKE, "res%")));
        assertEquals(List.of(), keys(cmp(CustomerTypeField.NAME, Operator.LIKE, "RES%")));
        assertEquals(List.of(3L, 4L, 5L, 6L), keys(icmp(CustomerTypeField.NAME, Operator.NOT_LIKE, "res%")));
        assertEquals(List.of(6L), keys(cmp(CustomerTypeField.NAME, Operator.LIKE, "back\\\\%")));
    }

    @Test
    void booleanCombinations() {
        Filter active = cmp(CustomerTypeField.STATUS, Operator.EQ, "active");
        Filter child = cmp(CustomerTypeField.PARENT_KEY, Operator.IS_NOT_NULL);
        assertEquals(List.of(2L, 4L), keys(Filter.and(active, child)));
        assertEquals(List.of(1L, 2L, 4L, 5L, 6L), keys(Filter.or(active, child)));
        assertEquals(List.of(3L), keys(Filter.not(Filter.or(active, child))));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), keys(Filter.all()));
        assertEquals(List.of(), keys(Filter.or()));
        assertEquals(List.of(), keys(Filter.not(Filter.all())));
    }

    @Test
    void sortingIsTotalAndStable() {
        assertEquals(List.of(1L, 3L, 6L, 2L, 4L, 5L), keysSorted(List.of(SortKey.asc(CustomerTypeField.PARENT_KEY))),
                "nulls first ascending, identity breaks ties");
        assertEquals(List.of(5L, 2L, 4L, 1L, 3L, 6L), keysSorted(List.of(SortKey.desc(CustomerTypeField.PARENT_KEY))),
                "nulls last descending, identity still ascending");
        assertEquals(List.of(4L, 6L, 3L, 1L, 2L, 5L), keysSorted(List.of(SortKey.asc(CustomerTypeField.NAME))),
                "strings by fold: 100% < back < end < reseller < reseller gold < under");
        assertEquals(List.of(1L, 2L, 4L, 6L, 3L, 5L), keysSorted(List.of(
                SortKey.asc(CustomerTypeField.STATUS), SortKey.asc(CustomerTypeField.KEY))));
    }

    @Test
    void stringsOrderByCodePointNotUtf16Unit() {
        String nonBmp = "\uD83D\uDE00";
        String highBmp = "\uFF21";
        assertTrue(InMemoryQueryEngine.compareCodePoints(highBmp, nonBmp) < 0,
                "U+FF21 sorts before U+1F600 although its UTF-16 unit is larger");
        assertTrue(highBmp.compareTo(nonBmp) > 0, "String.compareTo would get it wrong");
        assertTrue(InMemoryQueryEngine.compareForSort("a", "A") > 0, "same fold: then by code point, A < a");
        assertTrue(InMemoryQueryEngine.compareForSort("a", "B") < 0, "fold first");
    }

    /** No stored text holds a NUL, and PostgreSQL cannot compare one: a comparison with it is refused when built. */
    @Test
    void aComparisonWithANulCharacterIsRefusedWhenBuilt() {
        for (String value : List.of("\u0000", "a\u0000b", "Gold\u0000")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> Comparison.of(CustomerTypeField.NAME, Operator.LT, value));
            assertEquals("Field name takes text without NUL characters (U+0000)", refused.getMessage());
        }
        assertEquals(List.of("a\u0001b"), Comparison.of(CustomerTypeField.NAME, Operator.EQ, "a\u0001b").values(),
                "other control characters compare as before");
    }

    @Test
    void pagingEdges() {
        Criteria base = new Criteria(Filter.all(), List.of(), Paging.of(0, 4));
        var first = ENGINE.query(DATA, base);
        assertEquals(List.of(1L, 2L, 3L, 4L), first.items().stream().map(v -> v.type().key().value()).toList());
        assertEquals(6, first.total());
        var last = ENGINE.query(DATA, new Criteria(Filter.all(), List.of(), Paging.of(4, 2)));
        assertEquals(2, last.items().size());
        var past = ENGINE.query(DATA, new Criteria(Filter.all(), List.of(), Paging.of(10, 2)));
        assertEquals(List.of(), past.items());
        assertEquals(6, past.total());
        var countOnly = ENGINE.query(DATA, new Criteria(Filter.all(), List.of(), Paging.of(0, 0)));
        assertEquals(List.of(), countOnly.items());
        assertEquals(6, countOnly.total());
    }

    @Test
    void aggregates() {
        List<Object> all = ENGINE.aggregate(DATA, Filter.all(), List.of(
                new Aggregation(AggregateFunction.COUNT, CustomerTypeField.KEY),
                new Aggregation(AggregateFunction.COUNT, CustomerTypeField.PARENT_KEY),
                new Aggregation(AggregateFunction.MIN, CustomerTypeField.NAME),
                new Aggregation(AggregateFunction.MAX, CustomerTypeField.CREATED_AT),
                new Aggregation(AggregateFunction.SUM, CustomerTypeField.KEY),
                new Aggregation(AggregateFunction.AVG, CustomerTypeField.PARENT_KEY)));
        assertEquals(List.of(6L, 3L, "100% Partner", T0.plusSeconds(300), 21L, 5.0 / 3), all);
        List<Object> none = ENGINE.aggregate(DATA, Filter.or(), List.of(
                new Aggregation(AggregateFunction.COUNT, CustomerTypeField.KEY),
                new Aggregation(AggregateFunction.MIN, CustomerTypeField.KEY),
                new Aggregation(AggregateFunction.SUM, CustomerTypeField.KEY),
                new Aggregation(AggregateFunction.AVG, CustomerTypeField.KEY)));
        assertEquals(0L, none.get(0));
        assertNull(none.get(1));
        assertNull(none.get(2));
        assertNull(none.get(3));
    }

    @Test
    void comparisonsCheckArityTypesAndTextOperators() {
        assertThrows(IllegalArgumentException.class, () -> cmp(CustomerTypeField.KEY, Operator.EQ));
        assertThrows(IllegalArgumentException.class, () -> cmp(CustomerTypeField.KEY, Operator.BETWEEN, 1L));
        assertThrows(IllegalArgumentException.class, () -> cmp(CustomerTypeField.KEY, Operator.IN));
        assertThrows(IllegalArgumentException.class, () -> cmp(CustomerTypeField.KEY, Operator.IS_NULL, 1L));
        assertThrows(IllegalArgumentException.class, () -> cmp(CustomerTypeField.KEY, Operator.EQ, "1"));
        assertThrows(IllegalArgumentException.class, () -> cmp(CustomerTypeField.KEY, Operator.CONTAINS, 1L));
        assertThrows(IllegalArgumentException.class, () -> cmp(CustomerTypeField.CREATED_AT, Operator.LIKE, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> new Aggregation(AggregateFunction.SUM, CustomerTypeField.NAME));
        assertEquals("Caf\u00E9", cmp(CustomerTypeField.NAME, Operator.EQ, "Cafe\u0301").value(), "values are NFC");
        assertFalse(cmp(CustomerTypeField.NAME, Operator.EQ, "x").folds());
        assertTrue(icmp(CustomerTypeField.NAME, Operator.EQ, "x").folds());
        assertFalse(icmp(CustomerTypeField.KEY, Operator.EQ, 1L).folds());
    }

    @Test
    void pagingAndFieldChecks() {
        assertThrows(IllegalArgumentException.class, () -> Paging.of(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> Paging.of(0, Paging.MAX_LIMIT + 1));
        assertThrows(IllegalArgumentException.class, () -> Paging.of(0, -1));
        Criteria mixed = new Criteria(Filter.and(cmp(CustomerTypeField.KEY, Operator.EQ, 1L),
                Filter.not(cmp(CustomerProfileField.ID, Operator.EQ, 1L))), List.of(), Paging.of(0, 1));
        assertFalse(QueryFields.onlyFrom(mixed, CustomerTypeField.CATALOGUE));
        assertTrue(QueryFields.onlyFrom(Criteria.all(Paging.of(0, 1)), CustomerTypeField.CATALOGUE));
        assertFalse(QueryFields.onlyFrom(new Criteria(Filter.all(), List.of(SortKey.asc(CustomerProfileField.NAME)),
                Paging.of(0, 1)), CustomerTypeField.CATALOGUE));
        assertEquals(CustomerTypeField.PARENT_NAME, CustomerTypeField.CATALOGUE.byName("parentName").orElseThrow());
        assertTrue(CustomerTypeField.CATALOGUE.byName("nope").isEmpty());
    }
}
