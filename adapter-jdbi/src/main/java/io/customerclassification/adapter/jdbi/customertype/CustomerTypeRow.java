package io.customerclassification.adapter.jdbi.customertype;

import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.shared.Name;

/** One row of {@code customer_type} joined with its parent's name. */
record CustomerTypeRow(CustomerType type, Name parentName) {

    CustomerTypeView view() {
        return new CustomerTypeView(type, type.isRoot() ? null : parentName);
    }
}
