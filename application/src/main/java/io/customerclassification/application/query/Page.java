package io.customerclassification.application.query;

import java.util.List;
import java.util.function.Function;

/** One window of an ordered result and the number of records that matched in all. */
public record Page<T>(List<T> items, long total) {

    public Page {
        items = List.copyOf(items);
        if (total < items.size()) {
            throw new IllegalArgumentException("total " + total + " is less than the " + items.size() + " items");
        }
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total);
    }
}
