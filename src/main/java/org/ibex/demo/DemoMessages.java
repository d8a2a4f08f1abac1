package org.ibex.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages sent through the demo federation as an operator would (the nodes' HTTP API) and followed hop by hop:
 * queued at the sender, stored in the recipient's inbox, receipted back to the sender, processed by the recipient.
 */
public final class DemoMessages {
    private static final Duration POLL = Duration.ofMillis(20);
    /** How the ping handler names the pong it queued (BuiltInHandlers). */
    private static final Pattern PONG = Pattern.compile("answered with (\\S+)");

    private final Map<String, NodeApi> apis;
    private final Function<String, Path> logs;
    private final PrintStream out;
    private final Duration timeout;

    /** One step of a message's journey, at its time. */
    private record Hop(Instant at, String what) {
    }

    /** What following one message found: its steps and the recipient's inbox entry once processed. */
    private record Trace(List<Hop> hops, JsonNode processed) {
    }

    public DemoMessages(Map<String, NodeApi> apis, Function<String, Path> logs, PrintStream out, Duration timeout) {
        this.apis = Map.copyOf(apis);
        this.logs = logs;
        this.out = out;
        this.timeout = timeout;
    }

    /** Sends an operator note and follows it until the recipient has processed it. */
    public void note(String from, String to, String text) throws IOException, InterruptedException {
        Instant start = Instant.now();
        String id = api(from).send(to, "exchange.note", text);
        List<Hop> hops = new ArrayList<>(List.of(new Hop(Instant.now(), "queued at " + from)));
        Trace trace = follow(from, to, id, "note", "");
        hops.addAll(trace.hops());
        out.println();
        out.println("note " + from + " -> " + to + ": \"" + text + "\"");
        out.println("  id " + id);
        print(start, hops);
    }

    /** Sends a ping and follows it, and the pong the recipient answers with, back to the sender. */
    public void ping(String from, String to) throws IOException, InterruptedException {
        Instant start = Instant.now();
        String id = api(from).send(to, "exchange.ping", "are you there?");
        List<Hop> hops = new ArrayList<>(List.of(new Hop(Instant.now(), "queued at " + from)));
        Trace ping = follow(from, to, id, "ping", "");
        hops.addAll(ping.hops());
        String outcome = ping.processed().get("outcome").asText();
        Matcher pong = PONG.matcher(outcome);
        if (!pong.find()) {
            throw new IllegalStateException(to + " processed the ping " + id + " without naming a pong: '" + outcome
                    + "'; see " + logs.apply(to));
        }
        Trace back = follow(to, from, pong.group(1), "pong", "pong ");
        hops.addAll(back.hops());
        out.println();
        out.println("ping " + from + " -> " + to + ", answered by a pong along the same store-and-forward path");
        out.println("  ping id " + id + ", pong id " + pong.group(1));
        print(start, hops);
        Instant answered = NodeApi.instant(back.processed(), "processedAt").orElseThrow();
        out.printf("  round trip %d ms%n", Duration.between(start, answered).toMillis());
    }

    /**
     * Polls both ends until the recipient has processed the message: the sender's backlog to the recipient
     * drops to zero when the receipt arrives, the recipient's inbox shows when it stored and processed it.
     */
    private Trace follow(String from, String to, String id, String kind, String prefix)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Instant receipted = null;
        JsonNode stored = null;
        while (true) {
            if (receipted == null && api(from).backlog(to) == 0) {
                receipted = Instant.now();
            }
            Optional<JsonNode> entry = api(to).received(id);
            if (entry.isPresent()) {
                stored = entry.get();
            }
            Optional<Instant> processed = stored == null ? Optional.empty() : NodeApi.instant(stored, "processedAt");
            if (receipted != null && processed.isPresent()) {
                List<Hop> hops = new ArrayList<>();
                hops.add(new Hop(NodeApi.instant(stored, "receivedAt").orElseThrow(), prefix + "stored in the inbox of "
                        + to));
                hops.add(new Hop(receipted, prefix + "receipt seen at " + from + " (backlog to " + to + " is 0)"));
                hops.add(new Hop(processed.get(), prefix + "processed at " + to + ": " + stored.get("outcome").asText()));
                return new Trace(hops, stored);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the " + kind + " " + id + " from " + from + " to " + to + " was not "
                        + (stored == null ? "stored by " + to : "processed by " + to)
                        + (receipted == null ? " nor receipted to " + from : "") + " within " + timeout.toSeconds()
                        + " s; see the logs " + logs.apply(from) + " and " + logs.apply(to));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private void print(Instant start, List<Hop> hops) {
        hops.sort(Comparator.comparing(Hop::at));
        for (Hop hop : hops) {
            out.printf("  %+7d ms  %s%n", Duration.between(start, hop.at()).toMillis(), hop.what());
        }
        out.flush();
    }

    private NodeApi api(String node) {
        NodeApi api = apis.get(node);
        if (api == null) {
            throw new IllegalArgumentException("no node " + node + " in the demo federation");
        }
        return api;
    }
}
