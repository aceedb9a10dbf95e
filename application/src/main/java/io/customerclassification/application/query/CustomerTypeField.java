package io.customerclassification.application.query;

/**
 * The queryable fields of a customer type. {@code STATUS} holds {@code "active"} or {@code "inactive"};
 * {@code PARENT_NAME} is the parent's name (the Intacct {@code parent.id}).
 */
public enum CustomerTypeField implements QueryField {
    KEY("key", FieldType.INTEGER, false),
    NAME("name", FieldType.STRING, false),
    STATUS("status", FieldType.STRING, false),
    PARENT_KEY("parentKey", FieldType.INTEGER, true),
    PARENT_NAME("parentName", FieldType.STRING, true),
    CREATED_AT("createdAt", FieldType.TIMESTAMP, false),
    MODIFIED_AT("modifiedAt", FieldType.TIMESTAMP, false),
    CREATED_BY("createdBy", FieldType.STRING, true),
    MODIFIED_BY("modifiedBy", FieldType.STRING, true);

    public static final FieldCatalogue<CustomerTypeField> CATALOGUE =
            new FieldCatalogue<>(CustomerTypeField.class, KEY);

    private final String fieldName;
    private final FieldType type;
    private final boolean nullable;

    CustomerTypeField(String fieldName, FieldType type, boolean nullable) {
        this.fieldName = fieldName;
        this.type = type;
        this.nullable = nullable;
    }

    @Override
    public String fieldName() {
        return fieldName;
    }

    @Override
    public FieldType type() {
        return type;
    }

    @Override
    public boolean nullable() {
        return nullable;
    }
}
