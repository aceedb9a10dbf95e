package io.customerclassification.application.query;

import java.time.Instant;

/** The value types a queryable field can have, and the Java type its values take in a query. */
public enum FieldType {
    STRING(String.class),
    INTEGER(Long.class),
    BOOLEAN(Boolean.class),
    TIMESTAMP(Instant.class);

    private final Class<?> javaType;

    FieldType(Class<?> javaType) {
        this.javaType = javaType;
    }

    public Class<?> javaType() {
        return javaType;
    }

    public boolean accepts(Object value) {
        return javaType.isInstance(value);
    }
}
