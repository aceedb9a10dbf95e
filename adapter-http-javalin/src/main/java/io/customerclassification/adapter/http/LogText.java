package io.customerclassification.adapter.http;

/**
 * Client-supplied text (paths, names echoed in error messages, refusal reasons) made safe for a log line: a
 * line break or other control character in it would let a client forge log lines, and a megabyte of it would
 * flood the log. Control characters (C0, DEL, C1), the Unicode line and paragraph separators and the
 * backslash are escaped Java-style ({@code \n}, {@code \u0000}, {@code \\}); past {@link #MAX_CHARS}
 * characters the text is cut with a note of how much was left out.
 */
public final class LogText {

    public static final int MAX_CHARS = 1_000;

    private LogText() {}

    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        int length = text.length();
        if (length <= MAX_CHARS && isPlain(text)) {
            return text;
        }
        int shown = Math.min(length, MAX_CHARS);
        StringBuilder out = new StringBuilder(shown + 32);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (needsEscape(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (length > shown) {
            out.append("…(").append(length - shown).append(" more chars)");
        }
        return out.toString();
    }

    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || needsEscape(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }
}
