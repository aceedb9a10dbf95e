package io.customerclassification.adapter.http;

import java.util.Locale;

/**
 * How a message about a text shows where something is and what is there: positions as line and column, characters
 * quoted or by code point, long names cut short, so that a client developer sees the place in their own editor.
 */
final class TextLocations {

    private static final int SHOWN_CHARS = 40;

    private TextLocations() {}

    /** {@code line L, column C} of the character at {@code index}, both counted from 1 (columns in characters). */
    static String where(CharSequence text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column "
                + (Character.codePointCount(text, lineStart, Math.min(index, text.length())) + 1);
    }

    /** The character at {@code index} as a message shows it: visible ones quoted, others by code point. */
    static String found(String text, int index) {
        int c = text.codePointAt(index);
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            return "the control character " + codePoint(c);
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.SURROGATE) {
            String name = Character.getName(c);
            return "the character " + codePoint(c) + (name == null ? "" : " (" + name.toLowerCase(Locale.ROOT) + ")");
        }
        if (c == '\'') {
            return "a single quote (strings and property names take double quotes)";
        }
        if (c == '/') {
            return "'/' (JSON has no comments)";
        }
        return "'" + Character.toString(c) + "'";
    }

    static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    /** A name or word as a message shows it, cut short when long. */
    static String shown(String value) {
        String cut = value.length() > SHOWN_CHARS ? value.substring(0, SHOWN_CHARS) + "…" : value;
        return "'" + cut + "'";
    }
}
