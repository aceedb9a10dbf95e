package io.customerclassification.application.inmemory;

import io.customerclassification.application.query.AggregateFunction;
import io.customerclassification.application.query.Aggregation;
import io.customerclassification.application.query.Comparison;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.FieldCatalogue;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Operator;
import io.customerclassification.application.query.Page;
import io.customerclassification.application.query.QueryField;
import io.customerclassification.application.query.SortKey;
import io.customerclassification.application.query.TextPatterns;
import io.customerclassification.domain.shared.Name;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The reference evaluator of the neutral query model: the semantics documented on {@link Operator},
 * {@link SortKey} and {@link AggregateFunction}, written as plainly as possible so that other implementations
 * (the SQL compiler) can be compared against it.
 *
 * @param <R> the record type the catalogue's fields are read from
 */
public final class InMemoryQueryEngine<R> {

    private final FieldCatalogue<?> catalogue;
    private final Map<QueryField, Function<R, Object>> accessors;

    public InMemoryQueryEngine(FieldCatalogue<?> catalogue, Map<? extends QueryField, Function<R, Object>> accessors) {
        this.catalogue = catalogue;
        this.accessors = Map.copyOf(accessors);
        for (QueryField field : catalogue.fields()) {
            if (!this.accessors.containsKey(field)) {
                throw new IllegalArgumentException("no accessor for field " + field.fieldName());
            }
        }
    }

    /** Filters, orders and pages {@code records}; the total counts every match. */
    public Page<R> query(Collection<R> records, Criteria criteria) {
        List<R> matches = new ArrayList<>();
        for (R record : records) {
            if (matches(criteria.filter(), record)) {
                matches.add(record);
            }
        }
        matches.sort(ordering(criteria.sort()));
        long offset = criteria.paging().offset();
        int from = (int) Math.min(offset, matches.size());
        int to = (int) Math.min((long) from + criteria.paging().limit(), matches.size());
        return new Page<>(matches.subList(from, to), matches.size());
    }

    public boolean matches(Filter filter, R record) {
        if (filter instanceof Filter.And and) {
            return and.operands().stream().allMatch(operand -> matches(operand, record));
        }
        if (filter instanceof Filter.Or or) {
            return or.operands().stream().anyMatch(operand -> matches(operand, record));
        }
        if (filter instanceof Filter.Not not) {
            return !matches(not.operand(), record);
        }
        Comparison comparison = (Comparison) filter;
        Object value = read(comparison.field(), record);
        boolean positive = matchesPositive(comparison, comparison.operator().positive(), value);
        return comparison.operator().isNegated() != positive;
    }

    /** The full ordering: the sort keys, then the catalogue's identity field ascending. */
    public Comparator<R> ordering(List<SortKey> sortKeys) {
        Comparator<R> ordering = (a, b) -> 0;
        for (SortKey key : sortKeys) {
            Comparator<R> byKey = (a, b) -> compareForSort(read(key.field(), a), read(key.field(), b));
            ordering = ordering.thenComparing(key.direction() == SortKey.Direction.ASC ? byKey : byKey.reversed());
        }
        QueryField identity = catalogue.identity();
        return ordering.thenComparing((a, b) -> compareForSort(read(identity, a), read(identity, b)));
    }

    /** One value per aggregation over the records that match the filter. */
    public List<Object> aggregate(Collection<R> records, Filter filter, List<Aggregation> aggregations) {
        List<R> matches = records.stream().filter(record -> matches(filter, record)).toList();
        List<Object> results = new ArrayList<>(aggregations.size());
        for (Aggregation aggregation : aggregations) {
            List<Object> values = matches.stream()
                    .map(record -> read(aggregation.field(), record))
                    .filter(Objects::nonNull)
                    .toList();
            results.add(aggregate(aggregation.function(), values));
        }
        return results;
    }

    private static Object aggregate(AggregateFunction function, List<Object> values) {
        switch (function) {
            case COUNT:
                return (long) values.size();
            case MIN:
                return values.stream().min(InMemoryQueryEngine::compareForSort).orElse(null);
            case MAX:
                return values.stream().max(InMemoryQueryEngine::compareForSort).orElse(null);
            case SUM:
                return values.isEmpty() ? null : values.stream().mapToLong(v -> (Long) v).sum();
            case AVG:
                return values.isEmpty()
                        ? null
                        : (double) values.stream().mapToLong(v -> (Long) v).sum() / values.size();
            default:
                throw new IllegalArgumentException("unknown aggregate " + function);
        }
    }

    private Object read(QueryField field, R record) {
        Function<R, Object> accessor = accessors.get(field);
        if (accessor == null) {
            throw new IllegalArgumentException("field " + field.fieldName() + " is not in this catalogue");
        }
        return accessor.apply(record);
    }

    private static boolean matchesPositive(Comparison comparison, Operator operator, Object rawValue) {
        if (operator == Operator.IS_NULL) {
            return rawValue == null;
        }
        if (rawValue == null) {
            return false;
        }
        boolean folds = comparison.folds();
        Object value = folds ? Name.fold((String) rawValue) : rawValue;
        List<Object> operands = folds
                ? comparison.values().stream().<Object>map(v -> Name.fold((String) v)).toList()
                : comparison.values();
        switch (operator) {
            case EQ:
                return compareValues(value, operands.get(0)) == 0;
            case LT:
                return compareValues(value, operands.get(0)) < 0;
            case LE:
                return compareValues(value, operands.get(0)) <= 0;
            case GT:
                return compareValues(value, operands.get(0)) > 0;
            case GE:
                return compareValues(value, operands.get(0)) >= 0;
            case IN:
                return operands.stream().anyMatch(operand -> compareValues(value, operand) == 0);
            case BETWEEN:
                return compareValues(value, operands.get(0)) >= 0 && compareValues(value, operands.get(1)) <= 0;
            case CONTAINS:
                return ((String) value).contains((String) operands.get(0));
            case STARTS_WITH:
                return ((String) value).startsWith((String) operands.get(0));
            case ENDS_WITH:
                return ((String) value).endsWith((String) operands.get(0));
            case LIKE:
                return TextPatterns.likeMatches((String) operands.get(0), (String) value);
            default:
                throw new IllegalArgumentException("not a positive operator: " + operator);
        }
    }

    /** Compares two non-null values of the same field type; strings by code point. */
    public static int compareValues(Object a, Object b) {
        if (a instanceof String sa && b instanceof String sb) {
            return compareCodePoints(sa, sb);
        }
        if (a instanceof Long la && b instanceof Long lb) {
            return Long.compare(la, lb);
        }
        if (a instanceof Boolean ba && b instanceof Boolean bb) {
            return Boolean.compare(ba, bb);
        }
        if (a instanceof Instant ia && b instanceof Instant ib) {
            return ia.compareTo(ib);
        }
        throw new IllegalArgumentException("cannot compare " + a.getClass() + " with " + b.getClass());
    }

    /** The sort order of one field: nulls first, strings by fold then by code point, others by value. */
    public static int compareForSort(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof String sa && b instanceof String sb) {
            int byFold = compareCodePoints(Name.fold(sa), Name.fold(sb));
            return byFold != 0 ? byFold : compareCodePoints(sa, sb);
        }
        return compareValues(a, b);
    }

    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
