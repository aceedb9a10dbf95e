package io.customerclassification.application.query;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A boolean filter tree: and / or / not over {@link Comparison}s. An empty {@code And} matches everything. */
public sealed interface Filter permits Filter.And, Filter.Or, Filter.Not, Comparison {

    static Filter all() {
        return And.EMPTY;
    }

    static Filter and(Filter... operands) {
        return new And(Arrays.asList(operands));
    }

    static Filter and(List<? extends Filter> operands) {
        return new And(List.copyOf(operands));
    }

    static Filter or(Filter... operands) {
        return new Or(Arrays.asList(operands));
    }

    static Filter or(List<? extends Filter> operands) {
        return new Or(List.copyOf(operands));
    }

    static Filter not(Filter operand) {
        return new Not(operand);
    }

    /** True when every operand is (vacuously true when there is none). */
    record And(List<Filter> operands) implements Filter {
        static final And EMPTY = new And(List.of());

        public And {
            operands = List.copyOf(operands);
        }
    }

    /** True when at least one operand is (false when there is none). */
    record Or(List<Filter> operands) implements Filter {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Filter operand) implements Filter {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }
}
