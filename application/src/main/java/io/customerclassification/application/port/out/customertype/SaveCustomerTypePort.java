package io.customerclassification.application.port.out.customertype;

import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeDraft;

public interface SaveCustomerTypePort {

    /**
     * Stores a new type under a fresh key, never used before in the company, at version 1.
     *
     * @throws io.customerclassification.domain.customertype.DuplicateCustomerTypeNameException when the
     *     store's own uniqueness check finds the name taken
     * @throws io.customerclassification.domain.customertype.UnknownParentException when the store's own
     *     reference check finds no such parent in the company
     */
    CustomerType insertCustomerType(CustomerTypeDraft draft);

    /**
     * Replaces status, parent and audit of an existing type (its name is immutable) and moves its version on by one,
     * in the same statement.
     *
     * @param type the new state; its version is the one it was read at, and is not written
     * @return the type as stored, at its new version
     * @throws io.customerclassification.domain.customertype.CustomerTypeNotFoundException when it is gone
     * @throws io.customerclassification.domain.customertype.UnknownParentException when the store's own
     *     reference check finds no such parent in the company
     */
    CustomerType updateCustomerType(CustomerType type);
}
