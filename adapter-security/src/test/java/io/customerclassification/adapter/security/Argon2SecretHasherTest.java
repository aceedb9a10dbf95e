package io.customerclassification.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class Argon2SecretHasherTest {

    private final Argon2SecretHasher hasher = Argon2SecretHasher.withDefaults();

    @Test
    void aHashIsArgon2idAtTheDefaultCostInThePhcFormatAndMatchesOnlyItsSecret() {
        String hash = hasher.hashSecret("s3cret");
        assertTrue(hash.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), hash);
        assertTrue(hasher.secretMatches("s3cret", hash));
        assertFalse(hasher.secretMatches("s3cret ", hash));
        assertFalse(hasher.secretMatches("S3cret", hash));
        assertFalse(hasher.secretMatches("", hash));
    }

    @Test
    void matchesAHashMadeByAnotherImplementation() {
        // made with OpenSSL's Argon2id (Python cryptography 48): salt "somesalt12345678", m=19456, t=2, p=1
        String openssl = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQxMjM0NTY3OA$iqbHhgtqJMWWf23kIatRWniYNRyhFWif/l6I+m/2Exw";
        assertTrue(hasher.secretMatches("correct horse battery staple", openssl));
        assertFalse(hasher.secretMatches("correct horse battery stapler", openssl));
    }

    @Test
    void everyHashHasItsOwnSalt() {
        assertNotEquals(hasher.hashSecret("same"), hasher.hashSecret("same"));
    }

    @Test
    void aHashWrittenWithAnotherCostStillVerifies() {
        Argon2SecretHasher cheap = new Argon2SecretHasher(new Argon2SecretHasher.Cost(64, 1, 1), 1);
        String hash = cheap.hashSecret("s3cret");
        assertTrue(hash.startsWith("$argon2id$v=19$m=64,t=1,p=1$"));
        assertTrue(hasher.secretMatches("s3cret", hash));
    }

    @Test
    void malformedOrOutOfBoundsHashesMatchNothing() {
        String hash = hasher.hashSecret("s3cret");
        for (String bad : List.of("", "plain", "$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHQxMjM0NTY3OA$abc",
                hash.replace("m=19456", "m=9999999"), hash.replace("t=2", "t=99"), hash.replace("v=19", "v=16"),
                hash.substring(0, hash.length() - 4), hash + "$")) {
            assertFalse(hasher.secretMatches("s3cret", bad), bad);
        }
        assertFalse(hasher.secretMatches(null, hash));
        assertFalse(hasher.secretMatches("s3cret", null));
    }

    @Test
    void aFingerprintIsSha256InBase64url() {
        assertEquals("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0", hasher.fingerprint("abc"));
    }
}
