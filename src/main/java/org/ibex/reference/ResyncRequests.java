package org.ibex.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ibex.audit.AccessLog;
import org.ibex.delivery.InboxHandler;
import org.ibex.delivery.ReceivedMessage;
import org.ibex.replication.FederationRoles;
import org.ibex.store.Json;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Headquarters' side of "send me a snapshot": a post that could not apply a delta names the dataset and the version
 * it holds; headquarters forgets what it sent that post of it, so the publisher's next pass sends the whole dataset.
 * Only a post of this headquarters is heard.
 */
final class ResyncRequests implements InboxHandler {
    static final String TYPE = "reference.resync";
    static final int MAX_BYTES = 4096;
    private static final ObjectMapper JSON = Json.mapper();
    private final FederationRoles roles;
    private final Publications publications = new Publications();
    private final AccessLog accessLog;

    ResyncRequests(FederationRoles roles, AccessLog accessLog) {
        this.roles = roles;
        this.accessLog = accessLog;
    }

    static byte[] payload(String dataset, Long held) {
        ObjectNode body = JSON.createObjectNode();
        body.put("dataset", dataset);
        body.put("held", held);
        return Json.write(JSON, body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String handle(Connection connection, ReceivedMessage message) throws SQLException {
        String post = message.sender().toString();
        if (!roles.isPostOf(message.sender())) {
            return "refused: " + post + " is not a post of " + roles.self();
        }
        byte[] bytes = message.payload();
        if (bytes.length > MAX_BYTES) {
            return "refused: a resync request is at most " + MAX_BYTES + " bytes (got " + bytes.length + ")";
        }
        JsonNode body;
        try {
            body = JSON.readTree(bytes);
        } catch (IOException e) {
            return "refused: resync request unreadable: " + e.getMessage();
        }
        JsonNode dataset = body == null ? null : body.get("dataset");
        if (dataset == null || !dataset.isTextual() || dataset.asText().isBlank() || dataset.asText().length() > 200) {
            return "refused: resync request: dataset is required, text of at most 200 characters";
        }
        int forgotten = publications.forget(connection, post, dataset.asText());
        accessLog.record(connection, new AccessLog.Access(post, "node", "reference.resync", "reference/"
                + dataset.asText() + " post/" + post + " held=" + body.path("held").asText("none"),
                ReferencePublisher.PURPOSE, null));
        return forgotten == 1 ? "snapshot of " + dataset.asText() + " follows" : "nothing was sent of "
                + dataset.asText() + "; the next pass sends what there is";
    }
}
