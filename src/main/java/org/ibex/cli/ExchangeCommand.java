package org.ibex.cli;

import org.ibex.node.Node;
import org.ibex.node.OpenedExchange;
import org.ibex.node.Progress;

import org.ibex.trust.Envelope;
import org.ibex.trust.Membership;
import org.ibex.trust.NodeIdentity;
import org.ibex.store.DataFolder;
import org.ibex.delivery.ExchangeNode;
import org.ibex.delivery.InboxEntry;
import org.ibex.delivery.PeerStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The node's membership of the federation: join it, queue messages, see peers and backlog. */
@Command(name = "exchange", mixinStandardHelpOptions = true,
        description = "Federation exchange: join, send, status, directory.",
        subcommands = {ExchangeCommand.Join.class, ExchangeCommand.Send.class, ExchangeCommand.Status.class,
                ExchangeDirectoryCommand.class})
final class ExchangeCommand {
    /** A node's database and exchange without the rest of the node (indexes, galleries). */
    @Command(name = "join", mixinStandardHelpOptions = true,
            description = "Make this data folder a federation node: copy its key, the anchor and the directory.")
    static final class Join implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Option(names = "--node-dir", required = true, paramLabel = "DIR", description = "node folder from 'pki issue'")
        Path nodeDir;
        @Option(names = "--anchor", required = true, paramLabel = "FILE", description = "federation root ca.pem")
        Path anchor;
        @Option(names = "--directory", required = true, paramLabel = "FILE", description = "signed directory file")
        Path directory;

        @Override
        public Integer call() throws Exception {
            DataFolder folder = DataFolder.open(data.folder(), System.getenv());
            Membership membership = Membership.join(Node.exchangeFolder(folder), nodeDir, anchor, directory,
                    Node.passphrase(folder), Clock.systemUTC());
            System.out.println("joined as " + membership.node() + " (directory "
                    + membership.federation().directory().sequence() + ", "
                    + membership.federation().directory().nodes().size() + " nodes); 'ibex serve' now also listens at "
                    + membership.credentials().endpoint());
            return 0;
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true,
            description = "Queue messages in the outbox; the serving node delivers them.")
    static final class Send implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Option(names = "--to", required = true, description = "recipient node id, such as XXB/IMM/HQ")
        String to;
        @Option(names = "--type", defaultValue = "exchange.note", description = "message type (default ${DEFAULT-VALUE})")
        String type;
        @Option(names = "--text", defaultValue = "", description = "the message text")
        String text;
        @Option(names = "--stream", description = "ordered stream the messages belong to")
        String stream;
        @Option(names = "--count", defaultValue = "1", description = "how many messages (numbered #1..N)")
        int count;
        @Option(names = "--deliver", description = "also make one delivery pass now, without serving")
        boolean deliver;

        @Override
        public Integer call() {
            if (count < 1 || count > 10_000_000) {
                throw new IllegalArgumentException("--count must be 1 to 10000000, was " + count);
            }
            NodeIdentity recipient = NodeIdentity.parse(to);
            try (OpenedExchange opened = OpenedExchange.of(data.folder(), System.getenv())) {
                ExchangeNode exchange = opened.exchange();
                Progress progress = new Progress("queue", count);
                int chunk = 500;
                for (int from = 0; from < count; from += chunk) {
                    int first = from;
                    int upTo = Math.min(count, from + chunk);
                    opened.database().inTransaction(connection -> {
                        for (int i = first; i < upTo; i++) {
                            String body = count == 1 ? text : text + " #" + (i + 1);
                            Envelope envelope = exchange.message(recipient, type, "operator message", "text/plain",
                                    body.getBytes(StandardCharsets.UTF_8));
                            exchange.enqueue(connection, stream == null ? envelope : envelope.inStream(stream, 0));
                        }
                        return null;
                    });
                    progress.advance(upTo - first);
                }
                progress.done();
                System.out.println("queued " + count + " " + type + " to " + recipient
                        + (stream == null ? "" : " in stream " + stream));
                if (deliver) {
                    System.out.println("delivered " + exchange.deliverNow());
                }
            }
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Peers, backlog and last contact.")
    static final class Status implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Override
        public Integer call() {
            try (OpenedExchange opened = OpenedExchange.of(data.folder(), System.getenv())) {
                ExchangeNode exchange = opened.exchange();
                System.out.println("node " + exchange.node() + ", directory "
                        + exchange.membership().federation().directory().sequence() + " (next update "
                        + exchange.membership().federation().directory().nextUpdate()
                        + (exchange.membership().federation().stale() ? ", OVERDUE: revocations since are unknown here"
                        : "") + ")");
                List<String> lines = new ArrayList<>();
                lines.add(String.format("%-24s %9s %9s  %-24s %s", "peer", "backlog", "rejected", "last contact",
                        "last error"));
                for (PeerStatus peer : exchange.peers()) {
                    lines.add(String.format("%-24s %9d %9d  %-24s %s", peer.peer(), peer.backlog(), peer.rejected(),
                            peer.lastContact() == null ? "never" : peer.lastContact().toString(),
                            currentError(peer)));
                }
                lines.add("");
                lines.add("latest received:");
                for (InboxEntry entry : exchange.recentInbox(10)) {
                    lines.add(String.format("  %s %-20s from %-20s %s%s", entry.receivedAt(), entry.type(), entry.sender(),
                            entry.outcome() == null ? "(waiting)" : entry.outcome(),
                            entry.stream() == null ? "" : " [" + entry.stream() + " #" + entry.sequence() + "]"));
                }
                lines.forEach(System.out::println);
            }
            return 0;
        }

        /** An error older than the last successful contact is history, not the peer's state. */
        private static String currentError(PeerStatus peer) {
            if (peer.lastError() == null || (peer.lastContact() != null && peer.lastErrorAt() != null
                    && !peer.lastErrorAt().isAfter(peer.lastContact()))) {
                return "";
            }
            return peer.lastError() + " (at " + peer.lastErrorAt() + ")";
        }
    }
}
