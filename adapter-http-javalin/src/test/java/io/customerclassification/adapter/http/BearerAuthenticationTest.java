package io.customerclassification.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BearerAuthenticationTest {

    /** RFC 6750 §2.1's {@code b64token}, the grammar the hand-written check must accept exactly. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

    @Test
    void acceptsTokensOfTheGrammar() {
        assertTrue(BearerAuthentication.isToken68("eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJiZW5jaCJ9.c2lnbmF0dXJl"));
        assertTrue(BearerAuthentication.isToken68("cc_key_AZaz09-._~+/"));
        assertTrue(BearerAuthentication.isToken68("a=="));
        assertTrue(BearerAuthentication.isToken68("x"));
    }

    @Test
    void refusesEverythingElse() {
        assertFalse(BearerAuthentication.isToken68(""), "empty");
        assertFalse(BearerAuthentication.isToken68("=="), "padding alone");
        assertFalse(BearerAuthentication.isToken68("a=b"), "padding inside");
        assertFalse(BearerAuthentication.isToken68("a b"), "space");
        assertFalse(BearerAuthentication.isToken68("a,b"), "comma");
        assertFalse(BearerAuthentication.isToken68("a\"b"), "quote");
        assertFalse(BearerAuthentication.isToken68("ä"), "non-ASCII letter");
        assertFalse(BearerAuthentication.isToken68("a\u0000"), "control character");
    }

    @Test
    void agreesWithTheGrammarOnRandomText() {
        Random random = new Random(18);
        String alphabet = "Aaz09._~+/-= ,;\"\\äZ\t@:";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String token = text.toString();
            assertEquals(B64TOKEN.matcher(token).matches(), BearerAuthentication.isToken68(token), "'" + token + "'");
        }
    }
}
