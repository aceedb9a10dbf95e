package io.customerclassification.application.query;

import java.util.EnumSet;
import java.util.Set;

/**
 * Comparison operators of the neutral query model, a superset of the Simpro and Intacct filter operators.
 *
 * <p>Semantics every implementation must give exactly:
 * <ul>
 *   <li>Logic is two-valued. A record with no value (null) for the field matches no positive operator
 *       and every negated one: each {@code NOT_X} is exactly the negation of {@code X}.</li>
 *   <li>Strings compare by Unicode code point. A case-insensitive comparison first folds both sides with
 *       {@code Name.fold} (NFC, upper case, lower case, locale-independent); string values in a query are
 *       NFC-normalised when the comparison is built.</li>
 *   <li>Booleans order {@code false < true}; integers and timestamps order numerically.</li>
 *   <li>{@code BETWEEN} is inclusive at both ends and empty when the low bound is above the high one.</li>
 *   <li>{@code CONTAINS}, {@code STARTS_WITH}, {@code ENDS_WITH} take their operand literally.</li>
 *   <li>{@code LIKE} takes a pattern: {@code %} matches any run of characters (also none), a backslash makes
 *       the next character literal ({@code \%}, {@code \\}), a trailing lone backslash is literal, and every
 *       other character, {@code _} included, matches itself.</li>
 * </ul>
 */
public enum Operator {
    EQ(Arity.ONE, false),
    NE(Arity.ONE, false),
    LT(Arity.ONE, false),
    LE(Arity.ONE, false),
    GT(Arity.ONE, false),
    GE(Arity.ONE, false),
    IN(Arity.AT_LEAST_ONE, false),
    NOT_IN(Arity.AT_LEAST_ONE, false),
    BETWEEN(Arity.TWO, false),
    NOT_BETWEEN(Arity.TWO, false),
    CONTAINS(Arity.ONE, true),
    NOT_CONTAINS(Arity.ONE, true),
    STARTS_WITH(Arity.ONE, true),
    NOT_STARTS_WITH(Arity.ONE, true),
    ENDS_WITH(Arity.ONE, true),
    NOT_ENDS_WITH(Arity.ONE, true),
    LIKE(Arity.ONE, true),
    NOT_LIKE(Arity.ONE, true),
    IS_NULL(Arity.NONE, false),
    IS_NOT_NULL(Arity.NONE, false);

    /** How many operand values an operator takes. */
    public enum Arity {
        NONE,
        ONE,
        TWO,
        AT_LEAST_ONE
    }

    private static final Set<Operator> NEGATED =
            EnumSet.of(NE, NOT_IN, NOT_BETWEEN, NOT_CONTAINS, NOT_STARTS_WITH, NOT_ENDS_WITH, NOT_LIKE, IS_NOT_NULL);

    private final Arity arity;
    private final boolean textOnly;

    Operator(Arity arity, boolean textOnly) {
        this.arity = arity;
        this.textOnly = textOnly;
    }

    public Arity arity() {
        return arity;
    }

    /** Whether the operator only applies to {@link FieldType#STRING} fields. */
    public boolean textOnly() {
        return textOnly;
    }

    public boolean isNegated() {
        return NEGATED.contains(this);
    }

    /** The operator this one negates (for {@code NOT_IN}: {@code IN}); the operator itself when not negated. */
    public Operator positive() {
        return switch (this) {
            case NE -> EQ;
            case NOT_IN -> IN;
            case NOT_BETWEEN -> BETWEEN;
            case NOT_CONTAINS -> CONTAINS;
            case NOT_STARTS_WITH -> STARTS_WITH;
            case NOT_ENDS_WITH -> ENDS_WITH;
            case NOT_LIKE -> LIKE;
            case IS_NOT_NULL -> IS_NULL;
            default -> this;
        };
    }

    public boolean acceptsArity(int count) {
        return switch (arity) {
            case NONE -> count == 0;
            case ONE -> count == 1;
            case TWO -> count == 2;
            case AT_LEAST_ONE -> count >= 1;
        };
    }
}
