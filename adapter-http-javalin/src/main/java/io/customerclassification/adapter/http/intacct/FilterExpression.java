package io.customerclassification.adapter.http.intacct;

import io.customerclassification.application.query.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Intacct {@code filterExpression}: {@code and} / {@code or} over all conditions, or an expression over
 * 1-based condition numbers with {@code and}, {@code or} and parentheses, {@code and} binding tighter:
 *
 * <pre>
 * expression := term ("or" term)*
 * term       := factor ("and" factor)*
 * factor     := NUMBER | "(" expression ")"
 * </pre>
 *
 * A recursive-descent parser; an error names the position (1-based) and what was expected there.
 */
final class FilterExpression {

    /** A syntax or range error, with the position it was found at. */
    static final class SyntaxError extends RuntimeException {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private enum Kind {
        NUMBER,
        AND,
        OR,
        OPEN,
        CLOSE,
        END
    }

    private record Token(Kind kind, String text, int position) {}

    private final List<Token> tokens;
    /**
     * Parentheses nest at most this deep: the parser recurses once per level, and so do the SQL compiler and
     * SQLite itself (whose expressions stop at a depth of 1000).
     */
    static final int MAX_NESTING = 64;
    /** Condition numbers one expression may hold (each is a comparison, or several, in the SQL). */
    static final int MAX_CONDITION_NUMBERS = 1_000;

    private final List<Filter> conditions;
    private int next;
    private int nesting;

    private FilterExpression(List<Token> tokens, List<Filter> conditions) {
        this.tokens = tokens;
        this.conditions = conditions;
    }

    /**
     * @throws SyntaxError naming the position and the expected token, or the condition number out of range
     */
    static Filter parse(String expression, List<Filter> conditions) {
        String trimmed = expression == null ? "and" : expression.strip();
        if (trimmed.equalsIgnoreCase("and")) {
            return Filter.and(conditions);
        }
        if (trimmed.equalsIgnoreCase("or")) {
            // "or" over no condition at all would match nothing; like "and" it means no filtering
            return conditions.isEmpty() ? Filter.all() : Filter.or(conditions);
        }
        if (trimmed.isEmpty()) {
            throw new SyntaxError("filterExpression is empty; use 'and', 'or' or an expression over the condition"
                    + " numbers such as '(1 and 2) or 3'");
        }
        FilterExpression parser = new FilterExpression(tokenize(expression), conditions);
        Filter filter = parser.expression();
        parser.expect(Kind.END, "'and', 'or' or the end of the expression");
        return filter;
    }

    private Filter expression() {
        List<Filter> terms = new ArrayList<>();
        terms.add(term());
        while (peek().kind() == Kind.OR) {
            next++;
            terms.add(term());
        }
        return terms.size() == 1 ? terms.get(0) : Filter.or(terms);
    }

    private Filter term() {
        List<Filter> factors = new ArrayList<>();
        factors.add(factor());
        while (peek().kind() == Kind.AND) {
            next++;
            factors.add(factor());
        }
        return factors.size() == 1 ? factors.get(0) : Filter.and(factors);
    }

    private Filter factor() {
        Token token = peek();
        if (token.kind() == Kind.NUMBER) {
            next++;
            int number;
            try {
                number = Integer.parseInt(token.text());
            } catch (NumberFormatException e) {
                number = Integer.MAX_VALUE;
            }
            if (number < 1 || number > conditions.size()) {
                throw new SyntaxError("Condition " + token.text() + " at position " + token.position()
                        + " does not exist: there " + (conditions.size() == 1 ? "is 1 filter" : "are "
                        + conditions.size() + " filters"));
            }
            return conditions.get(number - 1);
        }
        if (token.kind() == Kind.OPEN) {
            if (++nesting > MAX_NESTING) {
                throw new SyntaxError("Parentheses nest deeper than " + MAX_NESTING + " levels at position "
                        + token.position() + " in filterExpression");
            }
            next++;
            Filter inner = expression();
            expect(Kind.CLOSE, "'and', 'or' or ')'");
            nesting--;
            return inner;
        }
        throw unexpected(token, "a condition number or '('");
    }

    private Token peek() {
        return tokens.get(next);
    }

    private void expect(Kind kind, String expected) {
        Token token = peek();
        if (token.kind() != kind) {
            throw unexpected(token, expected);
        }
        next++;
    }

    private static SyntaxError unexpected(Token token, String expected) {
        String found = token.kind() == Kind.END ? "end of the expression" : "'" + token.text() + "'";
        return new SyntaxError("Unexpected " + found + " at position " + token.position() + " in filterExpression;"
                + " expected " + expected);
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int numbers = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Kind.OPEN, "(", i + 1));
                i++;
            } else if (c == ')') {
                tokens.add(new Token(Kind.CLOSE, ")", i + 1));
                i++;
            } else if (isAsciiDigit(c)) {
                int start = i;
                while (i < text.length() && isAsciiDigit(text.charAt(i))) {
                    i++;
                }
                if (++numbers > MAX_CONDITION_NUMBERS) {
                    throw new SyntaxError("filterExpression names more than " + MAX_CONDITION_NUMBERS + " conditions;"
                            + " at most " + MAX_CONDITION_NUMBERS + " are allowed (the one past the limit is at position "
                            + (start + 1) + ")");
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start + 1));
            } else if (Character.isLetter(c)) {
                int start = i;
                while (i < text.length() && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                String word = text.substring(start, i);
                Kind kind = switch (word.toLowerCase(Locale.ROOT)) {
                    case "and" -> Kind.AND;
                    case "or" -> Kind.OR;
                    default -> throw new SyntaxError("Unknown word '" + word + "' at position " + (start + 1)
                            + " in filterExpression; expected 'and', 'or', a condition number or a parenthesis");
                };
                tokens.add(new Token(kind, word, start + 1));
            } else {
                throw new SyntaxError("Unexpected character '" + c + "' at position " + (i + 1)
                        + " in filterExpression");
            }
        }
        tokens.add(new Token(Kind.END, "", text.length() + 1));
        return tokens;
    }

    /** Condition numbers are ASCII: {@link Character#isDigit} would also take other scripts' digits. */
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
