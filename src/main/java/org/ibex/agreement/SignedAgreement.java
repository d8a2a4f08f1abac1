package org.ibex.agreement;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** An agreement as its file holds it: the agreement, its JSON as signed, and the parties' signatures so far. */
public record SignedAgreement(Agreement agreement, JsonNode body, List<PartySignature> signatures) {
    public SignedAgreement {
        body = body.deepCopy();
        signatures = List.copyOf(signatures);
    }

    @Override
    public JsonNode body() {
        return body.deepCopy();
    }

    /** One party's signature: a detached JWS over the agreement's canonical form, made by a node of that party. */
    public record PartySignature(Party party, String jws) {
    }
}
