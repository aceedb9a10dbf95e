package io.customerclassification.application.port.in.customerprofile;

/**
 * One row of a customer-profile import as sent, each field as text or null when absent; the import checks them.
 *
 * @param archived {@code true} or {@code false} in any case; absent or empty means {@code false}
 */
public record CustomerProfileImportRow(String name, String archived) {}
