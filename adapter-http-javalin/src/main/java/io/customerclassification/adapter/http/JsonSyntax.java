package io.customerclassification.adapter.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the first thing that makes a text no JSON (RFC 8259) and says what and where in plain words, with the line
 * and column: the parser's own messages name its classes and settings ({@code StreamReadFeature…}) and say
 * "start marker" where a client developer needs "the object that starts at line 1, column 1". It accepts
 * exactly what the dialects' parser accepts — strict RFC 8259 plus its limits: at most {@value #MAX_DEPTH}
 * levels of nesting, numbers of at most {@value #MAX_NUMBER_LENGTH} characters, property names of at most
 * {@value #MAX_NAME_LENGTH} characters, no property twice in one object, nothing after the value — and runs only
 * once the parser has refused a text, so its speed does not matter.
 */
final class JsonSyntax {

    static final int MAX_DEPTH = 1000;
    static final int MAX_NUMBER_LENGTH = 1000;
    static final int MAX_NAME_LENGTH = 50_000;
    private static final String A_VALUE =
            "a value was expected (a string in double quotes, a number, an object, an array, true, false or null)";

    /** The first problem found; its message says what is wrong and where. */
    private static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private final String text;
    private int next;

    private JsonSyntax(String text) {
        this.text = text;
    }

    /** What is wrong with {@code text} as JSON, or empty when it is one JSON value. */
    static Optional<String> firstProblem(String text) {
        try {
            new JsonSyntax(text).document();
            return Optional.empty();
        } catch (Problem problem) {
            return Optional.of(problem.getMessage());
        }
    }

    /**
     * One value with nothing after it. Objects and arrays are tracked on a stack of their own rather than by
     * recursion, so that a body nested a million levels deep is refused, not a stack overflow.
     */
    private void document() {
        skipWhitespace();
        if (atEnd()) {
            throw new Problem("there is no JSON value in it, only white space");
        }
        Deque<Container> open = new ArrayDeque<>();
        boolean valueDue = true;
        while (true) {
            if (valueDue && !scalarOrEmpty(open)) {
                continue; // a container was opened: its first member or item is due
            }
            if (open.isEmpty()) {
                skipWhitespace();
                if (!atEnd()) {
                    throw new Problem("there is more after the end of the JSON value: " + found(next) + " at "
                            + where(next));
                }
                return;
            }
            Container top = open.peek();
            if (closes(top)) {
                open.pop();
                valueDue = false;
            } else {
                next(top);
                valueDue = true;
            }
        }
    }

    /**
     * The value at {@code next}: a scalar, or an empty object or array, is read whole (true); a container with
     * content is opened and pushed, its first member or item positioned on (false).
     */
    private boolean scalarOrEmpty(Deque<Container> open) {
        char c = text.charAt(next);
        if (c == '{' || c == '[') {
            Container container = open(c == '{' ? "object" : "array", open.size() + 1, c == '{' ? '}' : ']');
            if (container == null) {
                return true;
            }
            open.push(container);
            next(container);
            return false;
        }
        if (c == '"') {
            string();
        } else if (c == '-' || isDigit(c)) {
            number();
        } else if (isLetter(c)) {
            word();
        } else {
            throw new Problem(found(next) + " at " + where(next) + " is unexpected: " + A_VALUE);
        }
        return true;
    }

    /** An object or an array, where it starts, its closing character and, for an object, the names it has. */
    private record Container(String kind, int start, char close, Set<String> names) {

        boolean isObject() {
            return names != null;
        }
    }

    /** Positions on the next value of {@code container}: after a property name and colon, or on an array item. */
    private void next(Container container) {
        endsBeforeClosed(container);
        if (!container.isObject()) {
            if (text.charAt(next) == ']') {
                throw new Problem("']' at " + where(next) + " is unexpected: " + A_VALUE
                        + " after the comma (a comma may not come before ])");
            }
            if (text.charAt(next) == '}') {
                next++;
                throw closedWrongly(container, '}', A_VALUE);
            }
            return;
        }
        int nameAt = next;
        if (text.charAt(next) != '"') {
            throw new Problem(found(next) + " at " + where(next)
                    + " is unexpected: a property name in double quotes was expected" + (text.charAt(next) == '}'
                    ? " after the comma (a comma may not come before })" : ""));
        }
        String name = string();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new Problem("the property name at " + where(nameAt) + " is longer than " + MAX_NAME_LENGTH
                    + " characters");
        }
        if (!container.names().add(name)) {
            throw new Problem("the property " + TextLocations.shown(name)
                    + " appears twice in the object that starts at " + where(container.start())
                    + " (the second time at " + where(nameAt) + ")");
        }
        skipWhitespace();
        endsBeforeClosed(container);
        if (text.charAt(next) != ':') {
            throw new Problem(found(next) + " at " + where(next)
                    + " is unexpected: a colon (:) was expected after the property name " + TextLocations.shown(name));
        }
        next++;
        skipWhitespace();
        endsBeforeClosed(container);
    }

    /** After a member or item: whether the container closes here, or a comma and more follow. */
    private boolean closes(Container container) {
        skipWhitespace();
        endsBeforeClosed(container);
        char c = text.charAt(next++);
        if (c == container.close()) {
            return true;
        }
        if (c != ',') {
            throw closedWrongly(container, c, container.isObject() ? "a comma (,) or the end of the object (})"
                    : "a comma (,) or the end of the array (])");
        }
        skipWhitespace();
        return false;
    }

    /** Opens the container at {@code next}; null when it is empty, and closed already. */
    private Container open(String kind, int depth, char close) {
        if (depth > MAX_DEPTH) {
            throw new Problem("objects and arrays nest deeper than " + MAX_DEPTH + " levels at " + where(next));
        }
        Container container = new Container(kind, next++, close, kind.equals("object") ? new HashSet<>() : null);
        skipWhitespace();
        if (peekIs(close)) {
            next++;
            return null;
        }
        return container;
    }

    private void endsBeforeClosed(Container container) {
        if (atEnd()) {
            throw new Problem("it ends before the " + container.kind() + " that starts at "
                    + where(container.start()) + " is closed");
        }
    }

    /** The character at {@code next - 1} neither continues nor closes {@code container}. */
    private Problem closedWrongly(Container container, char c, String expected) {
        int at = next - 1;
        if (c == '}' || c == ']') {
            return new Problem("'" + c + "' at " + where(at) + " is unexpected: the " + container.kind()
                    + " that starts at " + where(container.start()) + " is closed with "
                    + container.close());
        }
        return new Problem(found(at) + " at " + where(at) + " is unexpected: " + expected + " was expected");
    }

    /** A string from its opening quote at {@code next}; returns its value. */
    private String string() {
        int start = next++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw new Problem("it ends inside the string that starts at " + where(start));
            }
            char c = text.charAt(next);
            if (c == '"') {
                next++;
                return value.toString();
            }
            if (c < 0x20) {
                throw new Problem("the string that starts at " + where(start) + " holds " + found(next) + " at "
                        + where(next) + "; write it as an escape such as \\n, \\t or \\u0001");
            }
            if (c == '\\') {
                value.append(escape(start));
            } else {
                value.append(c);
                next++;
            }
        }
    }

    private char escape(int stringStart) {
        int at = next++;
        if (atEnd()) {
            throw new Problem("it ends inside the string that starts at " + where(stringStart));
        }
        char c = text.charAt(next++);
        switch (c) {
            case '"', '\\', '/' -> {
                return c;
            }
            case 'b' -> {
                return '\b';
            }
            case 'f' -> {
                return '\f';
            }
            case 'n' -> {
                return '\n';
            }
            case 'r' -> {
                return '\r';
            }
            case 't' -> {
                return '\t';
            }
            case 'u' -> {
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = atEnd() ? -1 : Character.digit(text.charAt(next), 16);
                    if (digit < 0 || text.charAt(next) > 'f') {
                        if (atEnd()) {
                            throw new Problem("it ends inside the string that starts at " + where(stringStart));
                        }
                        throw new Problem("the escape \\u at " + where(at)
                                + " needs four hexadecimal digits (such as \\u00e9)");
                    }
                    code = code * 16 + digit;
                    next++;
                }
                return (char) code;
            }
            default -> throw new Problem("unknown escape \\"
                    + (c < 0x20 || c == 0x7f ? TextLocations.codePoint(c) : c) + " at " + where(at)
                    + "; JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four"
                    + " hexadecimal digits");
        }
    }

    private void number() {
        int start = next;
        if (text.charAt(next) == '-') {
            next++;
            if (atEnd() || !isDigit(text.charAt(next))) {
                throw new Problem("the number at " + where(start) + " has no digits after its minus sign");
            }
        }
        if (text.charAt(next) == '0' && next + 1 < text.length() && isDigit(text.charAt(next + 1))) {
            throw new Problem("the number at " + where(start) + " starts with 0 followed by more digits"
                    + " (JSON numbers have no leading zeros)");
        }
        digits();
        if (peekIs('.')) {
            next++;
            if (atEnd() || !isDigit(text.charAt(next))) {
                throw new Problem("the number at " + where(start) + " has no digits after its decimal point");
            }
            digits();
        }
        if (peekIs('e') || peekIs('E')) {
            next++;
            if (peekIs('+') || peekIs('-')) {
                next++;
            }
            if (atEnd() || !isDigit(text.charAt(next))) {
                throw new Problem("the number at " + where(start) + " has no digits in its exponent");
            }
            digits();
        }
        if (next - start > MAX_NUMBER_LENGTH) {
            throw new Problem("the number at " + where(start) + " is longer than " + MAX_NUMBER_LENGTH
                    + " characters");
        }
    }

    private void digits() {
        while (!atEnd() && isDigit(text.charAt(next))) {
            next++;
        }
    }

    /** {@code true}, {@code false} or {@code null}: any other word is no JSON. */
    private void word() {
        int start = next;
        while (!atEnd() && (isLetter(text.charAt(next)) || isDigit(text.charAt(next)) || text.charAt(next) == '_')) {
            next++;
        }
        String word = text.substring(start, next);
        if (!word.equals("true") && !word.equals("false") && !word.equals("null")) {
            throw new Problem("the word " + TextLocations.shown(word) + " at " + where(start) + " is unknown: "
                    + A_VALUE
                    + (word.equals("NaN") || word.equals("Infinity") ? " (JSON has no NaN or Infinity)" : ""));
        }
    }

    private void skipWhitespace() {
        while (!atEnd()) {
            char c = text.charAt(next);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            next++;
        }
    }

    private boolean atEnd() {
        return next >= text.length();
    }

    private boolean peekIs(char c) {
        return !atEnd() && text.charAt(next) == c;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private String where(int index) {
        return TextLocations.where(text, index);
    }

    private String found(int index) {
        return TextLocations.found(text, index);
    }
}
