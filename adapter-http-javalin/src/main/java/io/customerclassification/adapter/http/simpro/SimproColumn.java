package io.customerclassification.adapter.http.simpro;

import io.customerclassification.application.query.CustomerProfileField;
import java.util.Arrays;
import java.util.Optional;

/** The columns of a Simpro customer profile, in their canonical order, and the neutral field behind each. */
enum SimproColumn {
    ID("ID", CustomerProfileField.ID),
    NAME("Name", CustomerProfileField.NAME),
    ARCHIVED("Archived", CustomerProfileField.ARCHIVED);

    private final String label;
    private final CustomerProfileField field;

    SimproColumn(String label, CustomerProfileField field) {
        this.label = label;
        this.field = field;
    }

    String label() {
        return label;
    }

    CustomerProfileField field() {
        return field;
    }

    static Optional<SimproColumn> byLabel(String label) {
        return Arrays.stream(values()).filter(column -> column.label.equals(label)).findFirst();
    }
}
