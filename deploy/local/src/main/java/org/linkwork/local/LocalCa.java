package org.linkwork.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate authority for this machine only, made with the JDK's keytool at first start, and a
 * {@code localhost} certificate it signs for Keycloak. Keycloak speaks TLS locally as it would
 * anywhere else; the services and the gateway trust this CA instead of switching verification off.
 */
final class LocalCa {

    /** Guards only local keystores that never leave the machine. */
    static final String STORE_PASSWORD = "linkwork-local";
    static final Path SYSTEM_TRUST = Path.of("/usr/local/share/ca-certificates/linkwork-local-ca.crt");

    private final Path caDirectory;
    private final Path tlsDirectory;

    LocalCa(SuiteSettings settings) {
        this.caDirectory = settings.caDirectory();
        this.tlsDirectory = settings.home().resolve("tls");
    }

    Path certificate() {
        return caDirectory.resolve("ca.pem");
    }

    Path keycloakKeyStore() {
        return tlsDirectory.resolve("keycloak.p12");
    }

    /** Creates the CA and the Keycloak certificate when missing; an existing pair is kept (data survives down/up). */
    void ensure() {
        try {
            Files.createDirectories(caDirectory);
            Files.createDirectories(tlsDirectory);
        } catch (IOException e) {
            throw new LauncherException("Cannot create " + caDirectory + ": " + e.getMessage(), e);
        }
        Path caStore = caDirectory.resolve("ca.p12");
        if (!Files.exists(caStore) || !Files.exists(certificate())) {
            keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "3072", "-validity", "3650",
                    "-dname", "CN=Linkwork local development CA, O=Linkwork (this machine only)", "-ext", "bc:c",
                    "-ext", "KU=keyCertSign,cRLSign", "-keystore", caStore.toString(), "-storetype", "PKCS12");
            keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(), "-file", certificate().toString());
        }
        if (!Files.exists(keycloakKeyStore())) {
            Path request = tlsDirectory.resolve("keycloak.csr");
            Path signed = tlsDirectory.resolve("keycloak.crt");
            keytool("-genkeypair", "-alias", "keycloak", "-keyalg", "RSA", "-keysize", "2048", "-validity", "825",
                    "-dname", "CN=localhost", "-keystore", keycloakKeyStore().toString(), "-storetype", "PKCS12");
            keytool("-certreq", "-alias", "keycloak", "-keystore", keycloakKeyStore().toString(), "-file", request.toString());
            keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(), "-infile", request.toString(),
                    "-outfile", signed.toString(), "-validity", "825", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-ext", "KU=digitalSignature,keyEncipherment", "-ext", "EKU=serverAuth");
            keytool("-importcert", "-noprompt", "-alias", "ca", "-file", certificate().toString(), "-keystore",
                    keycloakKeyStore().toString());
            keytool("-importcert", "-noprompt", "-alias", "keycloak", "-file", signed.toString(), "-keystore",
                    keycloakKeyStore().toString());
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
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(certificate()))) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            List<Certificate> certificates = new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
            for (int i = 0; i < certificates.size(); i++) {
                trust.setCertificateEntry("linkwork-ca-" + i, certificates.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new LauncherException("Cannot read the local CA " + certificate() + ": " + e.getMessage(), e);
        }
    }

    private static void keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storepass", STORE_PASSWORD));
        Commands.run(command, "keytool " + arguments[0]);
    }
}
