package org.linkwork.platform.pseudonym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PseudonymiserTest {

    static final String SECRET = "platform-test-secret-not-for-production-use";

    @Test
    void matchesAnIndependentHmacSha256() {
        // echo -n 9434765919 | openssl dgst -sha256 -hmac platform-test-secret-not-for-production-use
        assertEquals("61561d034bcf16d30bfd539eef7febd4bfb6812fd1f8fa3c2f356576c8a601d4",
                new Pseudonymiser(SECRET).pseudonymise("9434765919"));
    }

    @Test
    void sameIdentifierGivesTheSamePseudonymWhateverItsSpacing() {
        Pseudonymiser pseudonymiser = new Pseudonymiser(SECRET);
        assertEquals(pseudonymiser.pseudonymise("9434765919"), pseudonymiser.pseudonymise(" 943 476 5919 "));
    }

    @Test
    void anotherSecretGivesAnotherPseudonym() {
        String other = new Pseudonymiser("another-secret-that-is-long-enough-for-hmac").pseudonymise("9434765919");
        assertEquals("c0c112e3e081d5017ca7a2b13399fb3131ab71adfc966711ae107d18df993073", other);
        assertNotEquals(new Pseudonymiser(SECRET).pseudonymise("9434765919"), other);
    }

    @Test
    void shortSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Pseudonymiser("too-short"));
    }

    @Test
    void emptyIdentifierIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Pseudonymiser(SECRET).pseudonymise(" "));
    }
}
