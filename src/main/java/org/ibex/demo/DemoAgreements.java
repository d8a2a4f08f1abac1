package org.ibex.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ibex.agreement.AgreementBook;
import org.ibex.agreement.AgreementException;
import org.ibex.agreement.AgreementFile;
import org.ibex.agreement.SignedAgreement;
import org.ibex.input.FieldRuleException;
import org.ibex.node.Operator;
import org.ibex.store.Json;
import org.ibex.trust.NodeCredentials;
import org.ibex.trust.NodeIdentity;
import org.ibex.trust.Passphrase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's agreements between agencies, kept as files under {@code DEMO/agreements} as two agencies' operators
 * would keep them: drafted once, signed by each party's headquarters key (the demo holds every node's key under
 * {@code pki/issued}), then installed in every node a party covers, as {@code ibex agreement install} does.
 * Later runs reuse the files, so a node never sees two different texts of one version, and open no node for them.
 */
final class DemoAgreements {
    /** Police and immigration: crossings for criminal investigations, wanted checks at the border. */
    static final String POLICE = "UTO-IMM-POL";
    /** Labour and immigration: whether a work-permit holder is in the country, each release approved by a person. */
    static final String LABOUR = "UTO-IMM-LAB";
    /**
     * The immigration services of the two states: anonymous hit/no-hit by prints or a travel document, then release
     * by a hit's reference of what a person at the answering service approves; each state asks the other alike.
     */
    static final String IDENTITY = "UTO-XXB-IDC";
    static final String PURPOSE_IDENTITY = "identity-confirmation";
    static final int IDENTITY_RETENTION_DAYS = 30;
    static final int IDENTITY_REFERENCE_HOURS = 48;
    static final String PURPOSE_INVESTIGATION = "criminal-investigation";
    static final String PURPOSE_BORDER = "border-check";
    static final String PURPOSE_WORK_PERMIT = "work-permit-check";
    static final int LABOUR_PER_DAY = 50;
    private static final String IMMIGRATION = "UTO/IMM";

    private final FederationLayout layout;

    /**
     * One agreement: its file, its signed text read and checked, and whether it was drafted in this run (its file is
     * written only once every party's node has installed it, so that a run cut short drafts it again).
     */
    record Drafted(Path file, SignedAgreement signed, byte[] bytes, boolean fresh) {
        String reference() {
            return signed.agreement().reference();
        }

        boolean covers(NodeIdentity node) {
            return signed.agreement().isParty(node);
        }
    }

    DemoAgreements(FederationLayout layout) {
        this.layout = layout;
    }

    /** The agreements, read from their files, or drafted and signed by both parties where a file is missing. */
    List<Drafted> prepare(Passphrase passphrase, Clock clock) throws IOException, GeneralSecurityException {
        Files.createDirectories(layout.agreements());
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        // As long as the nodes' certificates: an agreement signed by a node outlives neither.
        LocalDate until = today.plusDays(FederationSetup.NODE_VALIDITY.toDays() - 1);
        List<Drafted> drafted = new ArrayList<>();
        drafted.add(file(POLICE, passphrase, draft(POLICE, "Utopia police and immigration: crossings for criminal"
                + " investigations, wanted checks at the border", "UTO/POL", today, until,
                rule("UTO/POL", IMMIGRATION, "crossings", PURPOSE_INVESTIGATION,
                        List.of("hit", "biographic", "travel-history"), 200, 90, false),
                rule(IMMIGRATION, "UTO/POL", "wanted", PURPOSE_BORDER, List.of("hit", "biographic"), 10_000, 90,
                        false))));
        drafted.add(file(LABOUR, passphrase, draft(LABOUR, "Utopia labour inspectorate and immigration: is a"
                + " work-permit holder in the country", "UTO/LAB", today, until,
                rule("UTO/LAB", IMMIGRATION, "presence", PURPOSE_WORK_PERMIT, List.of("hit", "travel-history"),
                        LABOUR_PER_DAY, 30, true))));
        drafted.add(file(IDENTITY, passphrase, draft(IDENTITY, "Utopia and XXB immigration: identity confirmation"
                + " by anonymous hit/no-hit, then release of what a person approves", "XXB/IMM", today, until,
                both(confirmation("XXB/IMM", IMMIGRATION), confirmation(IMMIGRATION, "XXB/IMM")))));
        return drafted;
    }

    /** One direction of the identity agreement: step one for a probe, step two (release) held for a person. */
    private static ObjectNode[] confirmation(String asker, String answerer) {
        List<String> exclusions = List.of("own-nationals", "protected");
        ObjectNode probe = rule(asker, answerer, "identity", PURPOSE_IDENTITY, List.of("hit", "biometric"), 100,
                IDENTITY_RETENTION_DAYS, false);
        probe.withArray("queries").add("document-status");
        ObjectNode release = rule(asker, answerer, "release", PURPOSE_IDENTITY, List.of("biographic",
                "travel-history", "documents"), 20, IDENTITY_RETENTION_DAYS, true);
        for (ObjectNode rule : List.of(probe, release)) {
            exclusions.forEach(rule.putArray("exclusions")::add);
            rule.put("referenceHours", IDENTITY_REFERENCE_HOURS);
        }
        return new ObjectNode[]{probe, release};
    }

    /**
     * Installs in {@code book} the agreements its node is party to and does not hold yet; returns the references it
     * installed.
     */
    static List<String> install(AgreementBook book, List<Drafted> agreements) throws IOException {
        List<String> installed = new ArrayList<>();
        for (Drafted drafted : agreements) {
            var agreement = drafted.signed().agreement();
            if (!drafted.covers(book.self()) || book.find(agreement.id(), agreement.version()).isPresent()) {
                continue;
            }
            try {
                book.install(drafted.bytes(), Operator.actor("federation demo set-up"));
            } catch (AgreementException e) {
                throw new IllegalStateException("cannot install " + drafted.file() + " at " + book.self() + ": "
                        + e.field() + ": " + e.getMessage() + "; delete the demo folder for a fresh federation", e);
            } catch (FieldRuleException e) {
                // The node holds another text of this version: the file was drafted again since it was installed.
                throw new IllegalStateException("cannot install " + drafted.file() + " at " + book.self() + ": "
                        + e.getMessage() + "; delete the demo folder for a fresh federation", e);
            }
            installed.add(drafted.reference());
        }
        return installed;
    }

    /** Writes the files of the agreements drafted in this run, once they are installed. */
    static void keep(List<Drafted> agreements) throws IOException {
        for (Drafted drafted : agreements) {
            if (drafted.fresh()) {
                Files.write(drafted.file(), drafted.bytes());
            }
        }
    }

    /** The agreement in {@code DEMO/agreements/ID.json}, or {@code draft} signed by both parties if there is none. */
    private Drafted file(String id, Passphrase passphrase, byte[] draft) throws IOException, GeneralSecurityException {
        Path file = layout.agreements().resolve(id + ".json");
        try {
            if (Files.exists(file)) {
                byte[] bytes = Files.readAllBytes(file);
                return new Drafted(file, AgreementFile.read(bytes), bytes, false);
            }
            SignedAgreement signed = AgreementFile.read(draft);
            for (var party : signed.agreement().parties()) {
                signed = AgreementFile.sign(signed, NodeCredentials.load(layout.issued(layout.member(party + "/HQ")),
                        passphrase));
            }
            byte[] bytes = AgreementFile.write(signed);
            return new Drafted(file, AgreementFile.read(bytes), bytes, true);
        } catch (AgreementException e) {
            throw new IllegalStateException(file + " is not a usable agreement (" + e.field() + ": " + e.getMessage()
                    + "); delete " + layout.root() + " for a fresh federation", e);
        }
    }

    private static ObjectNode[] both(ObjectNode[] one, ObjectNode[] other) {
        List<ObjectNode> rules = new ArrayList<>(List.of(one));
        rules.addAll(List.of(other));
        return rules.toArray(ObjectNode[]::new);
    }

    private static byte[] draft(String id, String title, String other, LocalDate from, LocalDate until,
                                ObjectNode... rules) throws IOException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("schema", "ibex.agreement/1").put("id", id).put("version", 1).put("title", title);
        body.putArray("parties").add(IMMIGRATION).add(other);
        body.put("validFrom", from.toString()).put("validUntil", until.toString());
        ArrayNode list = body.putArray("rules");
        for (ObjectNode rule : rules) {
            list.add(rule);
        }
        ObjectNode file = Json.mapper().createObjectNode();
        file.set("agreement", body);
        return Json.mapper().writeValueAsBytes(file);
    }

    private static ObjectNode rule(String asker, String answerer, String query, String purpose,
                                   List<String> categories, int perDay, int retentionDays, boolean approval) {
        ObjectNode rule = Json.mapper().createObjectNode();
        rule.put("asker", asker).put("answerer", answerer);
        rule.putArray("queries").add(query);
        rule.putArray("purposes").add(purpose);
        ArrayNode released = rule.putArray("categories");
        categories.forEach(released::add);
        rule.putObject("quota").put("perDay", perDay).put("perYear", perDay * 100);
        rule.put("retentionDays", retentionDays).put("humanApproval", approval);
        return rule;
    }
}
