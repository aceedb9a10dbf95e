package io.customerclassification.domain.shared;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The name of a customer profile or the id of a customer type.
 *
 * <p>Rules (CONTRACT §0): 1–255 characters (Unicode code points, after NFC normalisation), no control
 * characters (U+0000–U+001F, U+007F), no leading or trailing whitespace (rejected, never trimmed), no
 * unpaired surrogates. The value is kept in NFC. Two names are the same name when their {@link #key()}s are
 * equal: NFC, then a locale-independent case fold.
 */
public record Name(String value) {

    public static final int MAX_LENGTH = 255;

    public Name {
        if (value == null) {
            throw new InvalidNameException(InvalidNameException.Reason.MISSING, null);
        }
        String given = value;
        if (given.isEmpty()) {
            throw new InvalidNameException(InvalidNameException.Reason.EMPTY, given);
        }
        checkCharacters(given);
        value = Normalizer.normalize(given, Normalizer.Form.NFC);
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidNameException(InvalidNameException.Reason.TOO_LONG, given);
        }
        if (isWhitespace(value.codePointAt(0)) || isWhitespace(value.codePointBefore(value.length()))) {
            throw new InvalidNameException(InvalidNameException.Reason.SURROUNDING_WHITESPACE, given);
        }
    }

    public static Name of(String value) {
        return new Name(value);
    }

    /** The case-insensitive equality key: two names clash in a company when their keys are equal. */
    public String key() {
        return fold(value);
    }

    public boolean sameAs(Name other) {
        return key().equals(other.key());
    }

    /** Unicode NFC, the form names are kept and compared in. */
    public static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * The locale-independent case fold used for every case-insensitive comparison in the product: NFC, then
     * upper case, then lower case (so that, for example, "ß", "SS" and "ss" fold alike, and the Turkish dotless
     * i folds to "i"'s neighbours the same on every machine).
     */
    public static String fold(String text) {
        return nfc(text).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static void checkCharacters(String given) {
        for (int i = 0; i < given.length(); i++) {
            char c = given.charAt(i);
            if (c <= 0x1F || c == 0x7F) {
                throw new InvalidNameException(InvalidNameException.Reason.CONTROL_CHARACTER, given);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= given.length() || !Character.isLowSurrogate(given.charAt(i + 1))) {
                    throw new InvalidNameException(InvalidNameException.Reason.MALFORMED_UNICODE, given);
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new InvalidNameException(InvalidNameException.Reason.MALFORMED_UNICODE, given);
            }
        }
    }

    private static boolean isWhitespace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    @Override
    public String toString() {
        return value;
    }
}
