package io.customerclassification.application.port.in.customertype;

/**
 * One row of a customer-type import as sent, each field as text or null when absent; the import checks them.
 *
 * @param id the name
 * @param status {@code active} or {@code inactive} in any case; absent or empty means {@code active}
 * @param parentId the parent's name: a row of the same import or a type of the company; absent or empty for a root
 */
public record CustomerTypeImportRow(String id, String status, String parentId) {}
