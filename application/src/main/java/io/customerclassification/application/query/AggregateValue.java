package io.customerclassification.application.query;

import java.util.Objects;

/**
 * The answer to one {@link Aggregation} over the records that match a filter, typed by its function: a count, a
 * sum, an average, or the first or last value of the field in its sort order (see {@link AggregateFunction}).
 */
public sealed interface AggregateValue
        permits AggregateValue.Count, AggregateValue.Sum, AggregateValue.Average, AggregateValue.Extreme {

    Aggregation aggregation();

    /** {@code count}: how many matching records have a value for the field. */
    record Count(Aggregation aggregation, long count) implements AggregateValue {
        public Count {
            require(aggregation, AggregateFunction.COUNT);
        }
    }

    /** {@code sum} over an integer field; null when no matching record has a value. */
    record Sum(Aggregation aggregation, Long sum) implements AggregateValue {
        public Sum {
            require(aggregation, AggregateFunction.SUM);
        }
    }

    /** {@code avg} over an integer field; null when no matching record has a value. */
    record Average(Aggregation aggregation, Double average) implements AggregateValue {
        public Average {
            require(aggregation, AggregateFunction.AVG);
        }
    }

    /**
     * {@code min} or {@code max}: a value of the field's type ({@link FieldType#javaType()}), first or last in the
     * field's sort order; null when no matching record has a value.
     */
    record Extreme(Aggregation aggregation, Object value) implements AggregateValue {
        public Extreme {
            Objects.requireNonNull(aggregation, "aggregation");
            if (aggregation.function() != AggregateFunction.MIN && aggregation.function() != AggregateFunction.MAX) {
                throw new IllegalArgumentException("min or max expected, not " + aggregation.function());
            }
            if (value != null && !aggregation.field().type().accepts(value)) {
                throw new IllegalArgumentException(aggregation.field().fieldName() + " has no value " + value);
            }
        }
    }

    /**
     * The typed answer from what an evaluator computed: a number for {@code count}, {@code sum} and {@code avg}, a
     * value of the field's type for {@code min} and {@code max}, null where nothing had a value.
     */
    static AggregateValue of(Aggregation aggregation, Object value) {
        return switch (aggregation.function()) {
            case COUNT -> new Count(aggregation, ((Number) value).longValue());
            case SUM -> new Sum(aggregation, value == null ? null : ((Number) value).longValue());
            case AVG -> new Average(aggregation, value == null ? null : ((Number) value).doubleValue());
            case MIN, MAX -> new Extreme(aggregation, value);
        };
    }

    private static void require(Aggregation aggregation, AggregateFunction function) {
        Objects.requireNonNull(aggregation, "aggregation");
        if (aggregation.function() != function) {
            throw new IllegalArgumentException(function + " expected, not " + aggregation.function());
        }
    }
}
