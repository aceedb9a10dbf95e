package io.customerclassification.application.query;

import io.customerclassification.domain.shared.Name;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code field op values}: one leaf of a {@link Filter}. Checked when built: the operator's arity, operand
 * values of the field's type (never null; text well-formed and without NUL), text operators only on text fields. {@code caseSensitive} only
 * matters for {@link FieldType#STRING} fields.
 */
public record Comparison(QueryField field, Operator operator, List<Object> values, boolean caseSensitive)
        implements Filter {

    public Comparison {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(values, "values");
        if (!operator.acceptsArity(values.size())) {
            throw new IllegalArgumentException(
                    operator + " takes " + operator.arity() + " value(s), got " + values.size());
        }
        if (operator.textOnly() && field.type() != FieldType.STRING) {
            throw new IllegalArgumentException(operator + " applies to text fields only, not to " + field.fieldName());
        }
        List<Object> checked = new ArrayList<>(values.size());
        for (Object value : values) {
            if (!field.type().accepts(value)) {
                throw new IllegalArgumentException("Field " + field.fieldName() + " takes " + field.type()
                        + " values, got " + (value == null ? "null" : value.getClass().getSimpleName()));
            }
            if (value instanceof String text) {
                if (!wellFormed(text)) {
                    throw new IllegalArgumentException("Field " + field.fieldName()
                            + " takes well-formed Unicode text, got an unpaired surrogate");
                }
                if (text.indexOf('\u0000') >= 0) {
                    // no stored text holds one (names refuse control characters), and PostgreSQL cannot compare it
                    throw new IllegalArgumentException("Field " + field.fieldName()
                            + " takes text without NUL characters (U+0000)");
                }
                checked.add(Name.nfc(text));
            } else {
                checked.add(value);
            }
        }
        values = List.copyOf(checked);
    }

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public static Comparison of(QueryField field, Operator operator, Object... values) {
        return new Comparison(field, operator, List.of(values), true);
    }

    public static Comparison ignoringCase(QueryField field, Operator operator, Object... values) {
        return new Comparison(field, operator, List.of(values), false);
    }

    public Object value() {
        return values.get(0);
    }

    /** Whether strings are folded before comparing: only for text fields compared case-insensitively. */
    public boolean folds() {
        return !caseSensitive && field.type() == FieldType.STRING;
    }
}
