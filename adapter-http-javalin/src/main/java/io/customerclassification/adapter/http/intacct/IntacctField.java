package io.customerclassification.adapter.http.intacct;

import io.customerclassification.application.query.CustomerTypeField;
import java.util.Arrays;
import java.util.Optional;

/**
 * The fields the query service knows, by their Intacct names. {@code href}, {@code parent.href} and the
 * {@code entity.*} fields are derived, so they can be returned but not filtered, sorted or aggregated.
 */
enum IntacctField {
    KEY("key", CustomerTypeField.KEY),
    ID("id", CustomerTypeField.NAME),
    HREF("href", null),
    STATUS("status", CustomerTypeField.STATUS),
    PARENT_KEY("parent.key", CustomerTypeField.PARENT_KEY),
    PARENT_ID("parent.id", CustomerTypeField.PARENT_NAME),
    PARENT_HREF("parent.href", null),
    CREATED("audit.createdDateTime", CustomerTypeField.CREATED_AT),
    MODIFIED("audit.modifiedDateTime", CustomerTypeField.MODIFIED_AT),
    CREATED_BY("audit.createdBy", CustomerTypeField.CREATED_BY),
    MODIFIED_BY("audit.modifiedBy", CustomerTypeField.MODIFIED_BY),
    ENTITY_KEY("entity.key", null),
    ENTITY_ID("entity.id", null),
    ENTITY_NAME("entity.name", null);

    private final String label;
    private final CustomerTypeField field;

    IntacctField(String label, CustomerTypeField field) {
        this.label = label;
        this.field = field;
    }

    String label() {
        return label;
    }

    /** The neutral field, or null for a derived one. */
    CustomerTypeField field() {
        return field;
    }

    static Optional<IntacctField> byLabel(String label) {
        return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst();
    }
}
