package io.customerclassification.adapter.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Request bodies of both dialects read as JSON: decoded strictly — bytes that are no character are refused, never
 * replaced by U+FFFD and stored — and parsed with messages in plain words.
 */
public final class JsonBody {

    private JsonBody() {}

    /**
     * The body as text, in the charset its {@code Content-Type} names, else UTF-8 (RFC 8259 §8.1).
     *
     * @throws InvalidBodyException ({@link InvalidBodyException.Problem#ENCODING}) naming the first bytes that are
     *     no character and where they are
     * @throws java.nio.charset.IllegalCharsetNameException or {@link java.nio.charset.UnsupportedCharsetException}
     *     for a charset the JVM does not know ({@link HttpApi} answers 415)
     */
    public static String text(Context ctx) {
        String named = ctx.characterEncoding();
        Charset charset = named == null ? StandardCharsets.UTF_8 : Charset.forName(named);
        return decode(ctx.bodyAsBytes(), charset);
    }

    static String decode(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int length = Math.min(Math.max(result.length(), 1), bytes.length - at);
            StringJoiner shown = new StringJoiner(" ");
            for (int i = at; i < at + length; i++) {
                shown.add(String.format("0x%02X", bytes[i] & 0xff));
            }
            out.flip();
            String where = TextLocations.where(out, out.length());
            String name = charset.name().toUpperCase(Locale.ROOT);
            String reason = length == 1
                    ? "byte " + shown + " at " + where + " is no " + name + " character"
                    : "bytes " + shown + " at " + where + " are no " + name + " character";
            if (at + length == bytes.length) {
                reason += " (the body ends in the middle of a character)";
            }
            throw new InvalidBodyException(InvalidBodyException.Problem.ENCODING, name, reason);
        }
        out.flip();
        return out.toString();
    }

    /**
     * Parses one JSON value with {@code mapper}.
     *
     * @throws InvalidBodyException ({@link InvalidBodyException.Problem#SYNTAX}) saying what is wrong and where
     */
    public static JsonNode parse(ObjectMapper mapper, String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            String reason = JsonSyntax.firstProblem(text).orElseGet(() -> near(e.getLocation()));
            throw new InvalidBodyException(InvalidBodyException.Problem.SYNTAX, null, reason);
        }
    }

    /** The parser refused what the plain-words check accepts: say where, at least. */
    private static String near(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "the parser refused it";
        }
        return "the parser refused it near line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
