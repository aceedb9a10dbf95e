package io.customerclassification.adapter.jdbi;

import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.Name;
import java.util.Locale;

/** One row of {@code customer_type} joined with its parent's name. */
record CustomerTypeRow(CustomerType type, Name parentName) {

    CustomerTypeView view() {
        return new CustomerTypeView(type, type.isRoot() ? null : parentName);
    }

    static String status(CustomerTypeStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
