package org.ibex.inquiry;

import org.ibex.agreement.AgreementFile;
import org.ibex.agreement.SignedAgreement;
import org.ibex.delivery.TestFederation;

import java.nio.charset.StandardCharsets;

/** Agreements for tests: written as JSON, signed by a node of each party from the test federation. */
public final class TestAgreements {
    private TestAgreements() {
    }

    /** One rule as JSON: who asks whom what, for which purposes, which categories, quotas, retention, approval. */
    public static String rule(String asker, String answerer, String queries, String purposes, String categories,
                              int perDay, int retentionDays, boolean approval) {
        return "{\"asker\":\"" + asker + "\",\"answerer\":\"" + answerer + "\",\"queries\":" + list(queries)
                + ",\"purposes\":" + list(purposes) + ",\"categories\":" + list(categories)
                + ",\"quota\":{\"perDay\":" + perDay + ",\"perYear\":" + Math.max(perDay, 1000) + "},\"retentionDays\":"
                + retentionDays + ",\"humanApproval\":" + approval + "}";
    }

    /** As {@link #rule}, with the rule's exclusions (such as {@code own-nationals,protected}) and reference hours. */
    public static String rule(String asker, String answerer, String queries, String purposes, String categories,
                              int perDay, int retentionDays, boolean approval, String exclusions,
                              int referenceHours) {
        String plain = rule(asker, answerer, queries, purposes, categories, perDay, retentionDays, approval);
        return plain.substring(0, plain.length() - 1) + ",\"exclusions\":" + list(exclusions)
                + ",\"referenceHours\":" + referenceHours + "}";
    }

    /** The unsigned file of an agreement between two parties valid from {@code from} to {@code until}. */
    public static byte[] draft(String id, int version, String partyA, String partyB, String from, String until,
                               String... rules) {
        return ("{\"agreement\":{\"schema\":\"ibex.agreement/1\",\"id\":\"" + id + "\",\"version\":" + version
                + ",\"title\":\"Test agreement " + id + "\",\"parties\":[\"" + partyA + "\",\"" + partyB + "\"],"
                + "\"validFrom\":\"" + from + "\",\"validUntil\":\"" + until + "\",\"rules\":[" + String.join(",", rules)
                + "]}}").getBytes(StandardCharsets.UTF_8);
    }

    /** The draft signed by the given nodes of the federation, one per party. */
    public static byte[] signed(TestFederation pki, byte[] draft, String... signers) throws Exception {
        SignedAgreement agreement = AgreementFile.read(draft);
        for (String signer : signers) {
            agreement = AgreementFile.sign(agreement, pki.node(signer));
        }
        return AgreementFile.write(agreement);
    }

    private static String list(String commaSeparated) {
        StringBuilder json = new StringBuilder("[");
        for (String item : commaSeparated.split(",")) {
            json.append(json.length() > 1 ? "," : "").append('"').append(item.strip()).append('"');
        }
        return json.append(']').toString();
    }
}
