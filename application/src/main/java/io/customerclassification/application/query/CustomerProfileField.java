package io.customerclassification.application.query;

/** The queryable fields of a customer profile. */
public enum CustomerProfileField implements QueryField {
    ID("id", FieldType.INTEGER, false),
    NAME("name", FieldType.STRING, false),
    ARCHIVED("archived", FieldType.BOOLEAN, false);

    public static final FieldCatalogue<CustomerProfileField> CATALOGUE =
            new FieldCatalogue<>(CustomerProfileField.class, ID);

    private final String fieldName;
    private final FieldType type;
    private final boolean nullable;

    CustomerProfileField(String fieldName, FieldType type, boolean nullable) {
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
