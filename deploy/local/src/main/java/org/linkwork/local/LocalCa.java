package org.linkwork.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.linkwork.infra.CertificateAuthority;

/**
 * The machine's local certificate authority ({@link CertificateAuthority}: made with the JDK's keytool at first
 * start) and the {@code localhost} certificate it signs for Keycloak. Keycloak and the Kafka broker speak TLS
 * locally as they would anywhere else; the services, the gateway and Kafka clients trust this CA instead of
 * switching verification off.
 */
final class LocalCa {

    /** Guards only local keystores that never leave the machine. */
    static final String STORE_PASSWORD = CertificateAuthority.STORE_PASSWORD;
    static final Path SYSTEM_TRUST = Path.of("/usr/local/share/ca-certificates/linkwork-local-ca.crt");

    private final Path caDirectory;
    private final Path tlsDirectory;

    LocalCa(SuiteSettings settings) {
        this.caDirectory = settings.caDirectory();
        this.tlsDirectory = settings.home().resolve("tls");
    }

    /** Where the CA lives: the Kafka broker's process is given it to sign its own certificate. */
    Path directory() {
        return caDirectory;
    }

    Path certificate() {
        return caDirectory.resolve("ca.pem");
    }

    Path keycloakKeyStore() {
        return tlsDirectory.resolve("keycloak.p12");
    }

    /**
     * Creates the CA and the Keycloak certificate when missing; existing ones are kept (data survives down/up),
     * including a Keycloak key store made by an earlier launcher under another alias: Keycloak takes the
     * store's one key whatever its alias.
     */
    void ensure() {
        try {
            CertificateAuthority.in(caDirectory).keyStore(keycloakKeyStore(), "localhost");
        } catch (RuntimeException e) {
            throw new LauncherException("Cannot create the local CA in " + caDirectory + " or Keycloak's certificate "
                    + keycloakKeyStore() + ": " + e.getMessage(), e);
        }
    }

    /** Whether the operating system's trust store (which the gateway's JWKS fetch uses) holds this CA. */
    boolean trustedBySystem() {
        try {
            return Files.exists(SYSTEM_TRUST) && Files.readString(SYSTEM_TRUST).equals(Files.readString(certificate()));
        } catch (IOException e) {
            return false;
        }
    }

    List<String> trustCommands() {
        return List.of("cp " + certificate() + " " + SYSTEM_TRUST, "update-ca-certificates");
    }

    /** An SSL context trusting only this CA, for the launcher's own calls to Keycloak. */
    SSLContext sslContext() {
        return TrustedCertificates.sslContext(certificate());
    }
}
