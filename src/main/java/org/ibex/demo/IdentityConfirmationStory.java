package org.ibex.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.biometrics.FingerImage;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.FingerQuality;
import org.ibex.biometrics.FingerTemplate;
import org.ibex.confirmation.ProbeFinger;
import org.ibex.store.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.ibex.demo.DemoGalleries.UTO;
import static org.ibex.demo.DemoGalleries.XXB;
import static org.ibex.demo.DemoGalleries.XXB_LIAISON;

/**
 * The federation demo's third pillar: identity confirmation between two states under {@code UTO-XXB-IDC}. XXB's
 * liaison sends Utopia two anonymous probes of undocumented arrivals, other impressions of fingers only Utopia
 * enrolled (a hit, with an opaque reference) and of fingers neither state knows (no hit), each answered with a
 * signed receipt for the probe's deletion; asks for a release by the hit's reference, which Utopia's supervisor
 * approves in part; and reads what was released, with its retention. Followed through the nodes' HTTP APIs.
 */
public final class IdentityConfirmationStory {
    private static final String CASE = "XB-2026-0042";
    private static final List<String> ASKED = List.of("biographic", "travel-history", "documents");
    private static final List<String> APPROVED = List.of("biographic", "travel-history");
    private static final String XB_LIAISON_AT = XXB_LIAISON + " at " + XXB;

    private final StoryTimeline timeline;
    private final PrintStream out;
    private final Path fvc;
    private final Path receipts;
    private final Path anchor;

    /**
     * {@code fvc} holds the demo prints (the galleries' other impressions); receipts are kept in {@code receipts}
     * and verify against the federation's root certificate {@code anchor}.
     */
    public IdentityConfirmationStory(PrintStream out, Duration timeout, Path fvc, Path receipts, Path anchor) {
        this.timeline = new StoryTimeline(out, timeout);
        this.out = out;
        this.fvc = fvc;
        this.receipts = receipts;
        this.anchor = anchor;
    }

    /** The probes, the receipt, the release and its approval; without the demo prints it says why it is skipped. */
    public void run(Map<String, NodeApi> admins) throws IOException, InterruptedException {
        if (fvc == null || !Files.isDirectory(fvc.resolve("DB1_B"))) {
            out.println();
            out.println("identity confirmation between the states skipped: no demo prints in " + fvc + " (set"
                    + " IBEX_SHARED to the folder holding data/fingerprints/fvc2002)");
            return;
        }
        NodeApi liaison = login(admins, XXB, XXB_LIAISON);
        NodeApi supervisor = login(admins, UTO, AgencyQuestionsStory.HQ_SUPERVISOR);
        timeline.begin();
        DemoGalleries.Known known = DemoGalleries.UTOPIA_ONLY;
        String hit = probe(liaison, "an arrival without documents", fingers(known.database(), known.rightIndex(), 3,
                500));
        String none = probe(liaison, "a second arrival", fingers("DB3_B", 105, 2, 500));
        JsonNode hitAnswer = answered(liaison, hit);
        JsonNode noneAnswer = answered(liaison, none);
        timeline.add(NodeApi.instant(noneAnswer, "answeredAt").orElseThrow(), "answer landed at " + XXB + ": no-hit,"
                + " no reference; " + receipt(noneAnswer));
        timeline.add(NodeApi.instant(hitAnswer, "answeredAt").orElseThrow(), "answer landed at " + XXB + ": hit,"
                + " reference " + shortId(hitAnswer.path("reference").asText()) + " valid until "
                + hitAnswer.path("referenceExpires").asText() + "; " + receipt(hitAnswer));
        Path file = keepReceipt(liaison, hit);
        oversight(supervisor, hit);
        refusedWithoutHit(liaison, none);
        String release = askRelease(liaison, hit);
        approve(supervisor, release);
        JsonNode released = released(liaison, release);
        timeline.print("identity confirmation between two states under " + DemoAgreements.IDENTITY + ": an anonymous"
                + " probe answered hit or no hit with a signed deletion receipt, then a release approved in part by"
                + " a person at the answering state");
        out.println("  released data is deleted at " + XXB + " on " + released.path("retainUntil").asText()
                + " by its retention sweep (audited); the reference could be used until "
                + hitAnswer.path("referenceExpires").asText() + ", after which a release is refused (reference-expired)");
        out.println("  verify the deletion receipt offline: ibex receipt " + file + " --anchor "
                + anchor);
        out.println("  see it in the web application (password " + OfflinePostStory.PASSWORD + "): the probes and"
                + " releases at " + liaison.baseUrl() + " as " + XXB_LIAISON + ", the searches with their receipts"
                + " and the approval queue at " + supervisor.baseUrl() + " as " + AgencyQuestionsStory.HQ_SUPERVISOR);
        out.flush();
    }

    private String probe(NodeApi liaison, String who, List<Map<String, Object>> fingers)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partner", UTO);
        body.put("query", "identity");
        body.put("purpose", DemoAgreements.PURPOSE_IDENTITY);
        body.put("fingers", fingers);
        body.put("case", CASE);
        JsonNode probe = liaison.post("/api/partner-probes", body);
        String id = probe.path("id").asText();
        timeline.add(NodeApi.instant(probe, "askedAt").orElseThrow(), XB_LIAISON_AT + " probes " + UTO + "'s gallery"
                + " with " + fingers.size() + " fingerprint templates of " + who + ", for "
                + DemoAgreements.PURPOSE_IDENTITY + " under " + probe.path("agreement").asText() + " (probe "
                + shortId(id) + ", sha256 " + shortId(probe.path("probeSha256").asText()) + "): no name, no photo");
        return id;
    }

    /** The right and left index of FVC2002 finger pair {@code right}, {@code right + 1}, as templates with quality. */
    private List<Map<String, Object>> fingers(String database, int right, int impression, double dpi)
            throws IOException {
        List<Map<String, Object>> fingers = new ArrayList<>();
        for (FingerPosition position : List.of(FingerPosition.RIGHT_INDEX, FingerPosition.LEFT_INDEX)) {
            int finger = position == FingerPosition.RIGHT_INDEX ? right : right + 1;
            FingerTemplate template = FingerTemplate.capture(position, FingerImage.decode(Files.readAllBytes(
                    fvc.resolve(database).resolve(finger + "_" + impression + ".tif")), dpi));
            ProbeFinger probe = ProbeFinger.of(template, template.quality().map(FingerQuality::score).orElse(null));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("position", probe.position());
            json.put("format", probe.format());
            json.put("template", probe.template());
            json.put("quality", probe.quality());
            fingers.add(json);
        }
        return fingers;
    }

    private JsonNode answered(NodeApi liaison, String id) throws IOException, InterruptedException {
        JsonNode probe = timeline.await(() -> {
            JsonNode now = liaison.get("/api/partner-probes/" + id);
            return "pending".equals(now.path("state").asText()) ? Optional.empty() : Optional.of(now);
        }, "the answer to probe " + id + " at " + XXB);
        if (!"answered".equals(probe.path("state").asText())) {
            throw new IllegalStateException("the probe " + id + " at " + XXB + " was refused: "
                    + probe.path("refusal").asText());
        }
        return probe;
    }

    private static String receipt(JsonNode probe) {
        JsonNode receipt = probe.path("receipt").path("receipt");
        return "deletion receipt signed by " + receipt.path("responder").asText() + " ("
                + (probe.path("receiptValid").asBoolean() ? "verified against the federation anchor" : "NOT valid")
                + "): probe " + shortId(receipt.path("probeSha256").asText()) + " erased at "
                + receipt.path("deletedAt").asText();
    }

    /** The receipt file, as an oversight body would be handed it. */
    private Path keepReceipt(NodeApi liaison, String id) throws IOException, InterruptedException {
        JsonNode file = liaison.get("/api/partner-probes/" + id + "/receipt");
        Files.createDirectories(receipts);
        Path path = receipts.resolve(id + ".json");
        Files.write(path, Json.mapper().writeValueAsBytes(file));
        timeline.add(XXB + " keeps the receipt: " + path);
        return path;
    }

    /** Utopia's oversight view: every probe received, with its receipt, never its content. */
    private void oversight(NodeApi supervisor, String id) throws IOException, InterruptedException {
        JsonNode search = supervisor.get("/api/partner-searches/" + id);
        timeline.add("oversight at " + UTO + ": probe " + shortId(id) + " from " + search.path("requester").asText()
                + ", " + search.path("outcome").asText() + ", received " + search.path("receivedAt").asText()
                + ", deleted " + search.path("deletedAt").asText() + "; its templates are nowhere in " + UTO);
    }

    /** A release for the no-hit is refused at XXB before anything leaves. */
    private void refusedWithoutHit(NodeApi liaison, String none) throws IOException, InterruptedException {
        NodeApi.Reply reply = liaison.attempt("/api/partner-releases", release(none));
        if (reply.status() != 403) {
            throw new IllegalStateException(XXB + " was to refuse a release for a no-hit (403), answered HTTP "
                    + reply.status() + ": " + reply.body());
        }
        timeline.add(XB_LIAISON_AT + " asks a release for the no-hit: refused at " + XXB + " before anything left, "
                + reply.body().path("refusal").asText());
    }

    private String askRelease(NodeApi liaison, String hit) throws IOException, InterruptedException {
        JsonNode release = liaison.post("/api/partner-releases", release(hit));
        String id = release.path("id").asText();
        timeline.add(NodeApi.instant(release, "askedAt").orElseThrow(), XB_LIAISON_AT + " asks " + UTO + ", by the"
                + " hit's reference, for " + String.join(", ", ASKED) + " for case " + CASE + " (release "
                + shortId(id) + ")");
        timeline.await(() -> {
            JsonNode now = liaison.get("/api/partner-releases/" + id);
            return "waiting".equals(now.path("state").asText()) ? Optional.of(now) : Optional.empty();
        }, XXB + " to hear that " + UTO + " holds its release for approval");
        timeline.add("held for approval at " + UTO + " (the agreement wants a person to approve each release); "
                + XXB + " shows the release waiting");
        return id;
    }

    private static Map<String, Object> release(String probeId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("probeId", probeId);
        body.put("case", CASE);
        body.put("purpose", DemoAgreements.PURPOSE_IDENTITY);
        body.put("categories", ASKED);
        return body;
    }

    /** Utopia's supervisor finds the release in the queue and approves biographic data and travel history only. */
    private void approve(NodeApi supervisor, String id) throws IOException, InterruptedException {
        JsonNode held = timeline.await(() -> {
            for (JsonNode decision : supervisor.get("/api/release-decisions?state=awaiting-approval")) {
                if (id.equals(decision.path("id").asText())) {
                    return Optional.of(decision);
                }
            }
            return Optional.empty();
        }, "the release " + id + " in the approval queue of " + UTO);
        supervisor.post("/api/release-decisions/" + id + "/approve", Map.of("categories", APPROVED));
        timeline.add("approved in part at " + UTO + " by " + AgencyQuestionsStory.HQ_SUPERVISOR + ": "
                + held.path("requester").asText(XXB) + " asked for " + String.join(", ", ASKED) + "; "
                + String.join(", ", APPROVED) + " released, documents withheld");
    }

    private JsonNode released(NodeApi liaison, String id) throws IOException, InterruptedException {
        JsonNode release = timeline.await(() -> {
            JsonNode now = liaison.get("/api/partner-releases/" + id);
            String state = now.path("state").asText();
            return "partial".equals(state) || "released".equals(state) || "refused".equals(state)
                    ? Optional.of(now) : Optional.empty();
        }, "the release " + id + " at " + XXB);
        if ("refused".equals(release.path("state").asText())) {
            throw new IllegalStateException("the release " + id + " was refused: " + release.path("reason").asText());
        }
        JsonNode person = release.path("data").path("person");
        int crossings = release.path("data").path("crossings").size();
        timeline.add(NodeApi.instant(release, "answeredAt").orElseThrow(), "released data landed at " + XXB + ": "
                + release.path("state").asText() + " (" + texts(release.path("releasedCategories")) + "), "
                + person.path("surname").asText("?") + " " + person.path("givenNames").asText("") + ", born "
                + person.path("birthDate").asText("?") + ", " + crossings + " crossing" + (crossings == 1 ? "" : "s")
                + " in Utopia; kept for "
                + DemoAgreements.PURPOSE_IDENTITY + " until " + release.path("retainUntil").asText());
        return release;
    }

    private NodeApi login(Map<String, NodeApi> admins, String node, String username)
            throws IOException, InterruptedException {
        NodeApi api = new NodeApi(node + " " + username, admins.get(node).baseUrl());
        api.login(username, OfflinePostStory.PASSWORD);
        return api;
    }

    private static String texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return String.join(", ", texts);
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) + "…" : id;
    }
}
