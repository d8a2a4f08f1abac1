package org.ibex.delivery;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchReplyTest {
    @Test
    void resultsAndReceiptSurviveTheWire() {
        BatchReply reply = new BatchReply(List.of(
                new BatchReply.Item("a", BatchReply.Status.STORED, null, null),
                new BatchReply.Item("b", BatchReply.Status.DUPLICATE, null, null),
                new BatchReply.Item(null, BatchReply.Status.REJECTED, "bad-signature", "signature \"x\" fails")),
                "receipt".getBytes(StandardCharsets.US_ASCII));

        BatchReply parsed = BatchReply.parse(reply.toWire());

        assertThat(parsed.items()).isEqualTo(reply.items());
        assertThat(parsed.receipt()).isEqualTo(reply.receipt());
    }

    @Test
    void aBatchWhollyRefusedHasNoReceipt() {
        BatchReply reply = new BatchReply(List.of(new BatchReply.Item("a", BatchReply.Status.REJECTED, "expired",
                "too late")), null);

        assertThat(BatchReply.parse(reply.toWire()).receiptWire()).isEmpty();
    }

    @Test
    void refusesRepliesThatAreNotOurs() {
        byte[] notJson = Frames.encode(List.of("<html>".getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> BatchReply.parse(notJson)).hasMessageContaining("not JSON");
        byte[] object = Frames.encode(List.of("{}".getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> BatchReply.parse(object)).hasMessageContaining("must be a JSON array");
        byte[] status = Frames.encode(List.of("[{\"id\":\"a\",\"status\":\"LOST\"}]".getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> BatchReply.parse(status)).hasMessageContaining("unknown status 'LOST'");
        byte[] three = Frames.encode(List.of(new byte[]{'['}, new byte[]{1}, new byte[]{2}));
        assertThatThrownBy(() -> BatchReply.parse(three)).hasMessageContaining("3 frames");
    }
}
