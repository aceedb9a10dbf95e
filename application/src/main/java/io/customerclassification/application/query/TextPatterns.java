package io.customerclassification.application.query;

import java.util.ArrayList;
import java.util.List;

/** The {@link Operator#LIKE} pattern language, in one place for every implementation of the query model. */
public final class TextPatterns {

    private TextPatterns() {}

    /**
     * Whether {@code text} matches {@code pattern}: {@code %} matches any run of characters (also none), a
     * backslash makes the next character literal (a trailing one is itself literal), everything else, {@code _}
     * included, matches itself.
     */
    public static boolean likeMatches(String pattern, String text) {
        List<String> literals = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                current.append(pattern.charAt(++i));
            } else if (c == '%') {
                literals.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        literals.add(current.toString());
        if (literals.size() == 1) {
            return text.equals(literals.get(0));
        }
        String first = literals.get(0);
        String last = literals.get(literals.size() - 1);
        if (!text.startsWith(first)) {
            return false;
        }
        int position = first.length();
        for (int k = 1; k < literals.size() - 1; k++) {
            int found = text.indexOf(literals.get(k), position);
            if (found < 0) {
                return false;
            }
            position = found + literals.get(k).length();
        }
        return text.length() - position >= last.length() && text.endsWith(last);
    }
}
