package io.customerclassification.application.query;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The queryable fields of one aggregate. {@link #identity()} is the field every ordering ends with, so that
 * pages are stable whatever the requested sort keys are.
 */
public final class FieldCatalogue<F extends Enum<F> & QueryField> {

    private final List<F> fields;
    private final Map<String, F> byName;
    private final F identity;

    public FieldCatalogue(Class<F> type, F identity) {
        this.fields = List.of(type.getEnumConstants());
        this.byName = Arrays.stream(type.getEnumConstants())
                .collect(Collectors.toUnmodifiableMap(QueryField::fieldName, Function.identity()));
        this.identity = identity;
    }

    public List<F> fields() {
        return fields;
    }

    public Optional<F> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public F identity() {
        return identity;
    }

    public boolean contains(QueryField field) {
        return fields.contains(field);
    }
}
