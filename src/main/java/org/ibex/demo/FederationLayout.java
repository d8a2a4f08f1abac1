package org.ibex.demo;

import org.ibex.trust.DirectoryEntry;
import org.ibex.trust.NodeIdentity;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;

/**
 * The demo federation on one machine: which nodes, where their files live under the demo folder, and their
 * ports. Exchange ports are written into the node certificates, so a demo keeps the ports it was created with.
 */
public final class FederationLayout {
    public static final int DEFAULT_BASE_PORT = 9441;
    public static final int DEFAULT_WEB_BASE_PORT = 8441;
    public static final List<String> STATES = List.of("UTO", "XXB");

    /** One node of the demo: its id, folder name under the demo folder and what it stands for. */
    public record Member(NodeIdentity id, String folder, String description, int exchangePort, int webPort) {
        URI endpoint() {
            return URI.create("https://127.0.0.1:" + exchangePort);
        }

        String webUrl() {
            return "http://127.0.0.1:" + webPort;
        }
    }

    private static final String[][] NODES = {
            {"UTO/IMM/HQ", "uto-hq", "Utopia immigration headquarters"},
            {"UTO/IMM/POST-AIRPORT", "uto-airport", "Utopia airport post"},
            {"UTO/IMM/POST-LAND", "uto-land", "Utopia land post"},
            {"UTO/POL/HQ", "uto-police", "Utopia police"},
            {"XXB/IMM/HQ", "xxb-hq", "XXB immigration headquarters"},
            // Added after the first five: a demo folder made before keeps its ports and gets this node next to them.
            {"UTO/LAB/HQ", "uto-labour", "Utopia labour inspectorate"}};

    private final Path root;
    private final List<Member> members;

    private FederationLayout(Path root, int basePort, int webBasePort) {
        this.root = root.toAbsolutePath().normalize();
        this.members = java.util.stream.IntStream.range(0, NODES.length).mapToObj(i -> new Member(
                NodeIdentity.parse(NODES[i][0]), NODES[i][1], NODES[i][2], basePort + i, webBasePort + i)).toList();
    }

    /**
     * The layout of the demo in {@code root}. Without {@code basePort}, an existing demo keeps its ports and a new
     * one gets {@link #DEFAULT_BASE_PORT}; a {@code basePort} that contradicts the existing certificates is refused.
     */
    public static FederationLayout resolve(Path root, Integer basePort, Integer webBasePort) {
        Optional<Integer> existing = existingBasePort(root);
        int exchange = basePort != null ? basePort : existing.orElse(DEFAULT_BASE_PORT);
        int web = webBasePort != null ? webBasePort : DEFAULT_WEB_BASE_PORT;
        requireRange("--base-port", exchange);
        requireRange("--web-base-port", web);
        if (Math.abs(exchange - web) < NODES.length) {
            throw new IllegalArgumentException("exchange ports " + exchange + ".." + (exchange + NODES.length - 1)
                    + " and web ports " + web + ".." + (web + NODES.length - 1) + " overlap; choose other base ports");
        }
        if (existing.isPresent() && existing.get() != exchange) {
            throw new IllegalArgumentException("the demo in " + root + " was created with exchange ports "
                    + existing.get() + ".." + (existing.get() + NODES.length - 1) + ", which its certificates name; drop"
                    + " --base-port, or delete the folder for a fresh federation on port " + exchange);
        }
        return new FederationLayout(root, exchange, web);
    }

    private static void requireRange(String option, int port) {
        if (port < 1024 || port > 65535 - NODES.length) {
            throw new IllegalArgumentException(option + " must be 1024.." + (65535 - NODES.length) + ", was " + port);
        }
    }

    /** The exchange port of the first node as its issued certificate names it, when the demo exists. */
    private static Optional<Integer> existingBasePort(Path root) {
        Path first = root.resolve("pki").resolve("issued").resolve(NODES[0][1]);
        if (!Files.isRegularFile(first.resolve("node.json"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(DirectoryEntry.fromFolder(first).endpoint().getPort());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the node certificate in " + first + ": " + e.getMessage()
                    + "; delete " + root + " for a fresh federation", e);
        }
    }

    public Path root() {
        return root;
    }

    public List<Member> members() {
        return members;
    }

    public Member member(String id) {
        return members.stream().filter(m -> m.id().toString().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + id + " in the demo federation"));
    }

    /** The generated PKI passphrase (owner-only file). */
    public Path passphraseFile() {
        return root.resolve("passphrase");
    }

    public Path rootCa() {
        return root.resolve("pki").resolve("root");
    }

    public Path stateCa(String state) {
        return root.resolve("pki").resolve(state);
    }

    /** Where the state CA issued the node's key and certificate, as 'ibex pki issue --out' would. */
    public Path issued(Member member) {
        return root.resolve("pki").resolve("issued").resolve(member.folder());
    }

    public Path directory() {
        return root.resolve("pki").resolve("directory.json");
    }

    /** The node's data folder: database, keys, exchange membership. */
    public Path data(Member member) {
        return root.resolve(member.folder());
    }

    /** The agreements between the demo's agencies, as signed files ({@code ID.json}). */
    public Path agreements() {
        return root.resolve("agreements");
    }

    /** The deletion receipts the identity confirmation story keeps, as files {@code ibex receipt} verifies. */
    public Path receipts() {
        return root.resolve("receipts");
    }

    public Path log(Member member) {
        return data(member).resolve("node.log");
    }
}
