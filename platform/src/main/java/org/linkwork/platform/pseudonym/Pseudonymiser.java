package org.linkwork.platform.pseudonym;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keyed pseudonyms for patient identifiers (HMAC-SHA256). The same NHS number always gives the
 * same pseudonym under one secret, so dashboards can follow a patient across events, but without
 * the secret the pseudonym cannot be reversed or recomputed from a guessed NHS number (a plain
 * hash could: there are only 10^10 NHS numbers).
 */
@Singleton
public class Pseudonymiser {

    static final String ALGORITHM = "HmacSHA256";
    /** RFC 2104 asks for a key at least as long as the hash output. */
    static final int MINIMUM_SECRET_BYTES = 32;

    private final SecretKeySpec key;

    @Inject
    public Pseudonymiser(@ConfigProperty(name = "linkwork.pseudonym.secret") String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MINIMUM_SECRET_BYTES) {
            throw new IllegalArgumentException("linkwork.pseudonym.secret must be at least " + MINIMUM_SECRET_BYTES
                    + " bytes (set LINKWORK_PSEUDONYM_SECRET)");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /**
     * @param identifier e.g. an NHS number; whitespace is ignored so that "943 476 5919" and
     *                   "9434765919" give the same pseudonym
     * @return 64 lower-case hex characters
     */
    public String pseudonymise(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            throw new IllegalArgumentException("identifier to pseudonymise is empty");
        }
        String normalised = identifier.replaceAll("\\s+", "");
        return HexFormat.of().formatHex(hmac(normalised.getBytes(StandardCharsets.UTF_8)));
    }

    byte[] hmac(byte[] message) {
        try {
            // Mac instances are not thread-safe; creating one per call is cheap next to the I/O around it.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this JVM", e);
        }
    }
}
