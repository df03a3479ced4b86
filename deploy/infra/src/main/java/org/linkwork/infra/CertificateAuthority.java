package org.linkwork.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority for one machine, made with the JDK's keytool, and the certificates it signs
 * (Keycloak's, the Kafka broker's). Servers speak TLS locally as they would anywhere else; clients trust
 * this CA ({@link #certificate()}, PEM) instead of switching verification off.
 *
 * <p>Everything is created once in its directory and kept: data kept across restarts stays valid.
 */
public final class CertificateAuthority {

    /** Guards only local keystores that never leave the machine. */
    public static final String STORE_PASSWORD = "linkwork-local";

    private final Path directory;
    private final Path keyStore;

    private CertificateAuthority(Path directory) {
        this.directory = directory;
        this.keyStore = directory.resolve("ca.p12");
    }

    /** The CA in {@code directory}, created there first if it is not yet. */
    public static CertificateAuthority in(Path directory) {
        CertificateAuthority ca = new CertificateAuthority(directory);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.exists(ca.keyStore) || !Files.exists(ca.certificate())) {
            keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "3072", "-validity", "3650",
                    "-dname", "CN=Linkwork local CA, O=Linkwork (this machine only)", "-ext", "bc:c",
                    "-ext", "KU=keyCertSign,cRLSign", "-keystore", ca.keyStore.toString(), "-storetype", "PKCS12");
            keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.keyStore.toString(),
                    "-file", ca.certificate().toString());
        }
        return ca;
    }

    /** The CA certificate (PEM): what every client of a server with a certificate from here trusts. */
    public Path certificate() {
        return directory.resolve("ca.pem");
    }

    /**
     * A PKCS#12 trust store ({@link #STORE_PASSWORD}) holding only the CA certificate, for JVM code that trusts
     * through {@code javax.net.ssl.trustStore} (Kafka's broker fetching an https JWKS).
     */
    public Path trustStore() {
        Path trustStore = directory.resolve("ca-trust.p12");
        if (!Files.exists(trustStore)) {
            keytool("-importcert", "-noprompt", "-alias", "ca", "-file", certificate().toString(), "-keystore",
                    trustStore.toString(), "-storetype", "PKCS12");
        }
        return trustStore;
    }

    /**
     * A PKCS#12 key store ({@link #STORE_PASSWORD}) at {@code keyStore} holding a key and a certificate for
     * {@code commonName}, valid for localhost and 127.0.0.1 as server and as client (mutual TLS), with the
     * chain to this CA; made once.
     */
    public Path keyStore(Path keyStore, String commonName) {
        if (Files.exists(keyStore)) {
            return keyStore;
        }
        try {
            Files.createDirectories(keyStore.toAbsolutePath().getParent());
            Path request = Files.createTempFile("linkwork-csr", ".pem");
            Path signed = Files.createTempFile("linkwork-crt", ".pem");
            try {
                keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "825",
                        "-dname", "CN=" + commonName, "-keystore", keyStore.toString(), "-storetype", "PKCS12");
                keytool("-certreq", "-alias", "server", "-keystore", keyStore.toString(), "-file", request.toString());
                keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", this.keyStore.toString(), "-infile",
                        request.toString(), "-outfile", signed.toString(), "-validity", "825",
                        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "KU=digitalSignature,keyEncipherment",
                        "-ext", "EKU=serverAuth,clientAuth");
                keytool("-importcert", "-noprompt", "-alias", "ca", "-file", certificate().toString(),
                        "-keystore", keyStore.toString());
                keytool("-importcert", "-noprompt", "-alias", "server", "-file", signed.toString(),
                        "-keystore", keyStore.toString());
            } finally {
                Files.deleteIfExists(request);
                Files.deleteIfExists(signed);
            }
            return keyStore;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storepass", STORE_PASSWORD));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
