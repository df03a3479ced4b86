package org.linkwork.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A secured broker for tests, with everything it trusts made for it: a CA in a temporary directory, a
 * {@link ClientCredentialsIssuer} standing in for the realm's token endpoint, and the broker itself with
 * {@link EventBackbone}'s topics and ACLs. The registered clients are EventBackbone's, {@code gp-system}
 * (a client of the realm with no right on any topic) and {@link RealInfrastructure#TEST_HARNESS}, the only
 * super user; all present the same random secret.
 */
final class TestBackbone implements AutoCloseable {

    /** A client the realm knows but that has no right on any topic. */
    static final String NO_RIGHTS_CLIENT = "gp-system";

    final Path tls;
    final CertificateAuthority ca;
    final ClientCredentialsIssuer issuer;
    final KafkaBroker broker;
    final String clientSecret = UUID.randomUUID().toString();

    private TestBackbone() {
        try {
            tls = Files.createTempDirectory("linkwork-tls");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ca = CertificateAuthority.in(tls);
        Set<String> clients = new HashSet<>(List.of(RealInfrastructure.TEST_HARNESS, NO_RIGHTS_CLIENT));
        EventBackbone.CLIENTS.forEach(client -> clients.add(client.clientId()));
        issuer = ClientCredentialsIssuer.start(clients, clientSecret);
        KafkaClients.allowIdentityProvider(issuer.tokenEndpoint(), issuer.jwksUrl());
        broker = KafkaBroker.start(null, 0, new KafkaBroker.Security(ca,
                ca.keyStore(tls.resolve("kafka-broker.p12"), KafkaBroker.BROKER_PRINCIPAL), issuer.jwksUrl(),
                issuer.issuer(), List.of(RealInfrastructure.TEST_HARNESS)));
    }

    static TestBackbone start() {
        return new TestBackbone();
    }

    /** Settings for a client of this broker authenticating as {@code clientId}. */
    Map<String, Object> client(String clientId) {
        return KafkaClients.oauth(broker.bootstrapServers(), ca.certificate(), issuer.tokenEndpoint(), clientId, clientSecret);
    }

    @Override
    public void close() {
        broker.close();
        issuer.close();
        try (Stream<Path> paths = Files.walk(tls)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary directory: the operating system clears it eventually.
        }
    }
}
