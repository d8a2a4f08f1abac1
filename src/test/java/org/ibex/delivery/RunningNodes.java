package org.ibex.delivery;

import org.ibex.audit.AuditLog;
import org.ibex.trust.Membership;
import org.ibex.store.Database;
import org.ibex.store.TestDatabases;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Nodes assembled as {@code ibex serve} assembles them, each joined from a folder of its own, closed together. */
public final class RunningNodes implements AutoCloseable {
    private final Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    /** One started node: its exchange, database, audit log and the membership folder it joined into. */
    public record Running(ExchangeNode exchange, Database database, AuditLog audit, Path membership) {
        long count(String sql) {
            return database.read(connection -> {
                try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            });
        }
    }

    public RunningNodes(Path dir) {
        this.dir = dir;
    }

    /** A free loopback port for each node id, to list in the directory before the nodes start. */
    public static Map<String, URI> endpoints(String... ids) {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        for (String id : ids) {
            endpoints.put(id, URI.create("https://127.0.0.1:" + NodeProcess.freePort()));
        }
        return endpoints;
    }

    /** Joins {@code id} to the federation in a folder of its own and starts its exchange on {@code database}. */
    public Running start(TestFederation pki, String id, Database database, Duration directoryPeriod) throws Exception {
        return start(pki, id, database, directoryPeriod, exchange -> { });
    }

    /** As {@link #start}, letting {@code pillars} register handlers and loops before the exchange starts. */
    public Running start(TestFederation pki, String id, Database database, Duration directoryPeriod,
                         java.util.function.Consumer<ExchangeNode> pillars) throws Exception {
        Path nodeFolder = dir.resolve(id.replace('/', '_'));
        pki.node(id).save(nodeFolder, TestFederation.PASSPHRASE);
        Path anchor = dir.resolve("anchor.pem");
        Files.writeString(anchor, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(
                pki.root.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Path directory = dir.resolve("directory.json");
        Files.write(directory, pki.signedDirectory);
        Path membershipFolder = nodeFolder.resolve("exchange");
        Membership membership = Membership.join(membershipFolder, nodeFolder, anchor, directory,
                TestFederation.PASSPHRASE, Clock.systemUTC());
        AuditLog audit = new AuditLog(Clock.systemUTC());
        ExchangeNode exchange = new ExchangeNode(database, audit, membership, Clock.systemUTC(), Duration.ofDays(30),
                Map.of(CheckpointWitness.TYPE, new CheckpointWitness(audit, Clock.systemUTC())));
        open.add(exchange);
        pillars.accept(exchange);
        URI endpoint = pki.node(id).endpoint();
        exchange.start(endpoint.getHost(), endpoint.getPort(), Duration.ofMillis(50), directoryPeriod);
        return new Running(exchange, database, audit, membershipFolder);
    }

    public Running start(TestFederation pki, String id) throws Exception {
        return start(pki, id, database(), Duration.ofMinutes(10));
    }

    /** A fresh database, closed with the nodes. */
    public Database database() {
        Database database = TestDatabases.fresh();
        open.add(database);
        return database;
    }

    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }
}
