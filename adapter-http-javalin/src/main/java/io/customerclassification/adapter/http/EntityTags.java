package io.customerclassification.adapter.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The strong entity tags of the items of both dialects (RFC 9110 §8.8.3) and the conditional request headers that
 * name them, {@code If-None-Match} and {@code If-Match} (§13.1). A tag is {@code "<id>.<version>"}: the record's id
 * (unique across companies, never reused) and its stored version, which every written change moves on by one; a
 * representation other than the item's full one (Simpro's {@code columns}) adds {@code .<variant>}, since a strong
 * tag names one representation byte for byte.
 */
public final class EntityTags {

    public static final String ETAG = "ETag";
    public static final String IF_MATCH = "If-Match";
    public static final String IF_NONE_MATCH = "If-None-Match";

    private EntityTags() {}

    /** The tag of the full representation of version {@code version} of record {@code id}. */
    public static String of(long id, long version) {
        return "\"" + id + "." + version + "\"";
    }

    /** The tag of representation {@code variant} of version {@code version} of record {@code id}. */
    public static String of(long id, long version, String variant) {
        return variant.isEmpty() ? of(id, version) : "\"" + id + "." + version + "." + variant + "\"";
    }

    /** What one conditional header of a request says: nothing (absent), any current representation, or these tags. */
    public static final class Condition {

        private static final Condition ABSENT = new Condition(false, false, List.of());
        private static final Condition ANY = new Condition(true, true, List.of());

        private final boolean present;
        private final boolean any;
        /** The tags the header lists, each as sent ({@code W/"…"} or {@code "…"}); none when it cannot be read. */
        private final List<String> tags;

        private Condition(boolean present, boolean any, List<String> tags) {
            this.present = present;
            this.any = any;
            this.tags = tags;
        }

        public boolean isPresent() {
            return present;
        }

        /** {@code *}: any current representation. */
        public boolean isAny() {
            return any;
        }

        /**
         * {@code If-Match}: whether the header admits version {@code version} of record {@code id} — absent, {@code *},
         * or listing a strong tag of that version (of any of its representations). A header that cannot be read
         * admits nothing.
         */
        public boolean admits(long id, long version) {
            if (!present || any) {
                return true;
            }
            String prefix = "\"" + id + "." + version;
            return tags.stream().anyMatch(tag -> tag.equals(prefix + "\"") || tag.startsWith(prefix + "."));
        }

        /** {@code If-None-Match}: whether the header names {@code tag}, compared weakly (a {@code W/} is ignored). */
        public boolean names(String tag) {
            return any || tags.stream().anyMatch(sent -> (sent.startsWith("W/") ? sent.substring(2) : sent).equals(tag));
        }
    }

    /** The condition of header {@code name} ({@link #IF_MATCH} or {@link #IF_NONE_MATCH}), all its lines together. */
    public static Condition condition(Context ctx, String name) {
        List<String> lines = Collections.list(ctx.req().getHeaders(name));
        if (lines.isEmpty()) {
            return Condition.ABSENT;
        }
        String value = String.join(",", lines).strip();
        if (value.equals("*")) {
            return Condition.ANY;
        }
        return new Condition(true, false, parse(value));
    }

    /**
     * The entity-tags of a list {@code #entity-tag} (RFC 9110 §5.6.1, §8.8.3): {@code [W/]"<etagc>*"}, separated by
     * commas and optional whitespace. A list that breaks the grammar anywhere yields none.
     */
    static List<String> parse(String value) {
        List<String> tags = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            char c = value.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            int start = i;
            if (value.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= n || value.charAt(i) != '"') {
                return List.of();
            }
            int close = i + 1;
            while (close < n && isEtagChar(value.charAt(close))) {
                close++;
            }
            if (close >= n || value.charAt(close) != '"') {
                return List.of();
            }
            tags.add(value.substring(start, close + 1));
            i = close + 1;
            while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && value.charAt(i) != ',') {
                return List.of();
            }
        }
        return List.copyOf(tags);
    }

    /** {@code etagc = %x21 / %x23-7E / obs-text}. */
    private static boolean isEtagChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
    }
}
