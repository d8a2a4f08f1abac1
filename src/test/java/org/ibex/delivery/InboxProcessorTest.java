package org.ibex.delivery;

import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Processing many messages per transaction keeps each message's effects and processed mark together. */
class InboxProcessorTest {
    private static final String POST = "UTO/IMM/POST-ARL";
    private static final String HQ = "UTO/POLICE/HQ";

    @TempDir
    Path dir;

    private TestNodes nodes;

    @BeforeEach
    void nodes() {
        nodes = new TestNodes(dir);
    }

    @AfterEach
    void closeNodes() {
        nodes.close();
    }

    @Test
    void aFailingHandlerUndoesOnlyItsOwnMessageAndHoldsItsStreamUntilTheNextPass() throws Exception {
        TestFederation pki = new TestFederation(POST, HQ);
        TestNode post = node(pki, POST);
        TestNode hq = node(pki, HQ);
        List<byte[]> wires = new ArrayList<>();
        for (int sequence = 1; sequence <= 3; sequence++) {
            for (String stream : List.of("a", "b")) {
                wires.add(post.signer.sign(post.message(hq.id(), null, stream + sequence).inStream(stream, sequence))
                        .toWire());
            }
        }
        wires.add(post.signer.sign(post.message(hq.id(), null, "no stream")).toWire());
        hq.inbox.receive(wires, post.credentials.chain().toArray(X509Certificate[]::new));
        AtomicBoolean failing = new AtomicBoolean(true);
        List<String> handled = new ArrayList<>();
        InboxProcessor processor = new InboxProcessor(hq.database, (connection, message) -> {
            // The handler's own work first, so a failure has something to undo.
            hq.audit.append(connection, new AuditEntry.Draft("test.handled", message.sender().toString(),
                    message.id(), message.stream() + " " + message.sequence()));
            if (failing.get() && "a".equals(message.stream()) && message.sequence() == 2) {
                throw new IllegalStateException("handler unavailable");
            }
            handled.add(message.stream() + message.sequence());
            return "handled";
        }, hq.audit, Clock.systemUTC());

        assertThat(processor.processAvailable()).as("a1, b1..b3 and the message without a stream").isEqualTo(5);
        assertThat(handled).containsExactlyInAnyOrder("a1", "b1", "b2", "b3", "null0");
        assertThat(hq.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'test.handled'"))
                .as("the failed handler's entry is rolled back with its message").isEqualTo(5);
        assertThat(hq.count("SELECT COUNT(*) FROM exchange_inbox WHERE processed_at IS NULL")).isEqualTo(2);

        failing.set(false);

        assertThat(processor.processAvailable()).as("a2 and a3, in order").isEqualTo(2);
        assertThat(handled.subList(5, 7)).containsExactly("a2", "a3");
        assertThat(processor.processAvailable()).isZero();
        assertThat(hq.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'exchange.processed'")).isEqualTo(7);
        assertThat(hq.database.read(connection -> new AuditVerifier().verify(connection, dir.resolve("archive")))
                .ok()).as("the audit chain is whole after the rollbacks").isTrue();
    }

    @Test
    void aStoppedProcessorEndsItsPassAfterTheTransactionInHandAndLeavesTheRestForTheNextStart() throws Exception {
        TestFederation pki = new TestFederation(POST, HQ);
        TestNode post = node(pki, POST);
        TestNode hq = node(pki, HQ);
        List<byte[]> wires = new ArrayList<>();
        for (int sequence = 1; sequence <= 200; sequence++) {
            wires.add(post.signer.sign(post.message(hq.id(), null, "m" + sequence).inStream("s", sequence)).toWire());
        }
        hq.inbox.receive(wires, post.credentials.chain().toArray(X509Certificate[]::new));
        List<Long> handled = new ArrayList<>();
        InboxProcessor[] stopped = new InboxProcessor[1];
        stopped[0] = new InboxProcessor(hq.database, (connection, message) -> {
            handled.add(message.sequence());
            if (message.sequence() == 10) {
                stopped[0].stop(); // as the node's close() does, from another thread, mid-pass
            }
            return "handled";
        }, hq.audit, Clock.systemUTC());

        int first = stopped[0].processAvailable();

        assertThat(first).as("the transaction in hand commits whole, and no other starts").isBetween(10, 50);
        assertThat(hq.count("SELECT COUNT(*) FROM exchange_inbox WHERE processed_at IS NULL")).isEqualTo(200 - first);
        InboxProcessor next = new InboxProcessor(hq.database, (connection, message) -> {
            handled.add(message.sequence());
            return "handled";
        }, hq.audit, Clock.systemUTC());
        assertThat(next.processAvailable()).isEqualTo(200 - first);
        assertThat(handled).as("each once, in order, across the stop").isEqualTo(
                java.util.stream.LongStream.rangeClosed(1, 200).boxed().toList());
    }

    private TestNode node(TestFederation pki, String id) throws Exception {
        return nodes.node(pki, id);
    }
}
