package org.ibex.confirmation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ibex.inquiry.InquiryJson;

import java.time.Instant;
import java.util.List;

/**
 * What the responder states, and signs, once a probe is searched and gone: which probe (its SHA-256, so the
 * requester can match it to what it sent), from whom, under which agreement, when it arrived, was searched and was
 * deleted, and what was erased. It names no outcome and no person.
 */
public record DeletionReceipt(String probeId, String requester, String responder, String agreement,
                              String probeSha256, int fingers, Instant receivedAt, Instant searchedAt,
                              Instant deletedAt, List<String> erased) {
    /** The places a probe is erased from at the responder, as a receipt lists them. */
    public static final List<String> ERASED = List.of(
            "exchange inbox: the envelope's sealed content emptied (its digest kept) and its in-memory key dropped",
            "search memory: the templates were never written in the clear to the database, the files or the index");

    public DeletionReceipt {
        erased = List.copyOf(erased);
    }

    /** The JSON that is signed: the canonical form of this tree is what the signature covers. */
    public JsonNode toJson() {
        return InquiryJson.tree(InquiryJson.write(this));
    }

    static DeletionReceipt of(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("receipt must be a JSON object");
        }
        return InquiryJson.read(InquiryJson.write(json), DeletionReceipt.class);
    }

    /** The object form, for an export or a file. */
    ObjectNode toObject() {
        return (ObjectNode) toJson();
    }
}
