package org.ibex.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.document.MrzWriter;
import org.ibex.node.Node;
import org.ibex.node.Operator;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.ibex.demo.OfflinePostStory.AIRPORT;
import static org.ibex.demo.OfflinePostStory.HQ;
import static org.ibex.demo.OfflinePostStory.HQ_ANALYST;
import static org.ibex.demo.OfflinePostStory.PASSWORD;

/**
 * The federation demo's second pillar: agencies asking each other under signed agreements. The police ask
 * immigration headquarters whether the traveller of {@link OfflinePostStory} crossed, and are answered at once; the
 * labour inspectorate asks for a purpose its agreement does not name and its own node refuses before anything
 * leaves; it asks again for a work-permit check, which immigration holds until its supervisor approves the release.
 * Followed hop by hop through the nodes' HTTP APIs, then the disclosure ledger at both ends.
 */
public final class AgencyQuestionsStory {
    public static final String POLICE = "UTO/POL/HQ";
    public static final String LABOUR = "UTO/LAB/HQ";
    /** The police's analyst who asks about a suspect. */
    public static final String INVESTIGATOR = "pol.investigator";
    /** The labour inspectorate's analyst who checks work permits. */
    public static final String INSPECTOR = "lab.inspector";
    /**
     * Immigration headquarters' supervisor who approves releases. Supervisors belong to a post, this one to the
     * airport's, so headquarters' reference data also carries the account to the airport node.
     */
    public static final String HQ_SUPERVISOR = "hq.supervisor";
    private static final String WORKER_SURNAME = "SANTOS";
    private static final int SHOWN_CROSSINGS = 4;

    private final StoryTimeline timeline;
    private final PrintStream out;
    private final long run = System.currentTimeMillis();

    public AgencyQuestionsStory(PrintStream out, Duration timeout) {
        this.timeline = new StoryTimeline(out, timeout);
        this.out = out;
    }

    /**
     * The story's accounts, each added only where missing so that a demo folder made before this story gets them:
     * the police's investigator, the labour inspector, and at immigration headquarters a supervisor (with the
     * airport post, which a supervisor's account names).
     */
    static void seed(String node, Node opened) {
        switch (node) {
            case POLICE -> add(opened, new User(INVESTIGATOR, Role.ANALYST, null));
            case LABOUR -> add(opened, new User(INSPECTOR, Role.ANALYST, null));
            case HQ -> {
                if (opened.services.posts().find(OfflinePostStory.AIR_POST.id()).isEmpty()) {
                    opened.services.posts().add(OfflinePostStory.AIR_POST);
                }
                add(opened, new User(HQ_SUPERVISOR, Role.SUPERVISOR, OfflinePostStory.AIR_POST.id()));
            }
            default -> {
                // the other nodes take no part in this story
            }
        }
    }

    private static void add(Node opened, User user) {
        if (opened.services.users().find(user.username()).isEmpty()) {
            opened.services.accounts().seed(Operator.actor("federation demo set-up"), user, PASSWORD);
        }
    }

    /** The three questions, the approval, and the ledger entries the first one left at both ends. */
    public void run(Map<String, NodeApi> admins) throws IOException, InterruptedException {
        NodeApi police = login(admins, POLICE, INVESTIGATOR);
        NodeApi labour = login(admins, LABOUR, INSPECTOR);
        NodeApi supervisor = login(admins, HQ, HQ_SUPERVISOR);
        timeline.begin();
        String asked = policeAsks(police);
        String document = "BR" + String.format("%07d", run % 10_000_000);
        long worker = workerEnters(admins, document);
        labourAsksForTaxes(labour, document);
        String held = labourAsksForWorkPermit(labour, document);
        approve(supervisor, held);
        JsonNode answered = answerAt(labour, LABOUR, held);
        JsonNode lastEntry = answered.path("answer").path("lastEntry");
        timeline.add(NodeApi.instant(answered, "answeredAt").orElseThrow(), "answer landed at " + LABOUR + ": "
                + answered.path("outcome").asText() + ", in the country since " + lastEntry.path("at").asText()
                + " (" + lastEntry.path("direction").asText().toLowerCase() + " at " + lastEntry.path("post").asText()
                + ")");
        ledger(admins.get(HQ), HQ, asked);
        ledger(admins.get(POLICE), POLICE, asked);
        timeline.print("agencies ask each other under signed agreements: the police are answered at once, labour is"
                + " refused for a purpose its agreement does not name, then answered once immigration approves");
        where(admins, worker);
    }

    /** The police ask whether OKONKWO AMARA crossed; immigration answers at once under UTO-IMM-POL. */
    private String policeAsks(NodeApi police) throws IOException, InterruptedException {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("surname", "OKONKWO");
        subject.put("givenNames", "AMARA");
        subject.put("birthDate", "1988-03-14");
        JsonNode question = police.post("/api/questions", question("crossings", DemoAgreements.PURPOSE_INVESTIGATION,
                List.of("hit", "biographic", "travel-history"), subject));
        String id = question.path("id").asText();
        timeline.add(NodeApi.instant(question, "askedAt").orElseThrow(), INVESTIGATOR + " at " + POLICE + " asks "
                + HQ + " whether OKONKWO AMARA (born 1988-03-14) crossed, for " + DemoAgreements.PURPOSE_INVESTIGATION
                + " under " + question.path("agreement").asText() + " (question " + shortId(id) + ")");
        JsonNode answered = answerAt(police, POLICE, id);
        JsonNode crossings = answered.path("answer").path("crossings");
        timeline.add(NodeApi.instant(answered, "answeredAt").orElseThrow(), "answer landed at " + POLICE + ": "
                + answered.path("outcome").asText() + ", " + crossings.size() + " crossing"
                + (crossings.size() == 1 ? "" : "s") + crossingList(crossings));
        return id;
    }

    /** A work-permit holder enters at the airport; headquarters holds the entry once the post's batch arrives. */
    private long workerEnters(Map<String, NodeApi> admins, String document) throws IOException, InterruptedException {
        NodeApi officer = new NodeApi(AIRPORT + " officer", admins.get(AIRPORT).baseUrl());
        officer.login(OfflinePostStory.officer(AIRPORT), PASSWORD);
        String uid = "demo-worker-" + Long.toString(run, 36);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("uid", uid);
        entry.put("direction", "ENTRY");
        entry.put("postId", OfflinePostStory.AIR_POST.id());
        entry.put("mrz", MrzWriter.td3("BRA", WORKER_SURNAME, "RAFAEL", document, "BRA", LocalDate.of(1991, 5, 20),
                "M", LocalDate.of(2033, 9, 1), null));
        officer.post("/api/crossings", entry);
        timeline.add("entry of " + WORKER_SURNAME + " RAFAEL (passport BRA " + document + ", a work-permit holder)"
                + " recorded at " + AIRPORT);
        NodeApi analyst = new NodeApi(HQ + " analyst", admins.get(HQ).baseUrl());
        analyst.login(HQ_ANALYST, PASSWORD);
        JsonNode held = timeline.await(() -> crossing(analyst, uid), HQ + " to hold the entry " + uid);
        timeline.add(HQ + " holds the entry (person " + held.path("personId").asLong() + ")");
        return held.path("personId").asLong();
    }

    /** Labour asks for a purpose its agreement does not name: its own node refuses, and nothing is sent. */
    private void labourAsksForTaxes(NodeApi labour, String document) throws IOException, InterruptedException {
        NodeApi.Reply reply = labour.attempt("/api/questions", question("presence", "tax-audit", List.of("hit"),
                worker(document)));
        if (reply.status() != 403) {
            throw new IllegalStateException(LABOUR + " was to refuse a question for tax-audit (403), answered HTTP "
                    + reply.status() + ": " + reply.body());
        }
        timeline.add(INSPECTOR + " at " + LABOUR + " asks whether " + WORKER_SURNAME + " is in the country, for"
                + " tax-audit: refused at " + LABOUR + " before anything left, " + reply.body().path("refusal").asText()
                + " (" + reply.body().path("message").asText() + ")");
    }

    /** Labour asks for a work-permit check: immigration holds it for a person to approve, as UTO-IMM-LAB wants. */
    private String labourAsksForWorkPermit(NodeApi labour, String document) throws IOException, InterruptedException {
        JsonNode question = labour.post("/api/questions", question("presence", DemoAgreements.PURPOSE_WORK_PERMIT,
                List.of("hit", "travel-history"), worker(document)));
        String id = question.path("id").asText();
        timeline.add(NodeApi.instant(question, "askedAt").orElseThrow(), INSPECTOR + " at " + LABOUR + " asks "
                + HQ + " whether " + WORKER_SURNAME + " is in the country, for " + DemoAgreements.PURPOSE_WORK_PERMIT
                + " under " + question.path("agreement").asText() + " (question " + shortId(id) + ")");
        timeline.await(() -> {
            JsonNode now = labour.get("/api/questions/" + id);
            return "waiting".equals(now.path("state").asText()) ? Optional.of(now) : Optional.empty();
        }, LABOUR + " to hear that " + HQ + " holds its question for approval");
        timeline.add("held for approval at " + HQ + " (the agreement wants a person to approve each release); "
                + LABOUR + " shows the question waiting");
        return id;
    }

    /** Immigration's supervisor finds the held question in the approval queue and releases the answer. */
    private void approve(NodeApi supervisor, String id) throws IOException, InterruptedException {
        JsonNode request = timeline.await(() -> {
            for (JsonNode held : supervisor.get("/api/requests?state=awaiting-approval")) {
                if (id.equals(held.path("id").asText()) || id.equals(held.path("questionId").asText())) {
                    return Optional.of(held);
                }
            }
            return Optional.empty();
        }, "the question " + id + " in the approval queue of " + HQ);
        supervisor.post("/api/requests/" + id + "/approve", Map.of());
        timeline.add("approved at " + HQ + " by " + HQ_SUPERVISOR + ": " + request.path("asker").asText(LABOUR)
                + " asked about " + WORKER_SURNAME + " for " + request.path("purpose").asText()
                + "; the answer is released");
    }

    /** The question at the asker once its answer has landed; a refusal ends the story naming its reason. */
    private JsonNode answerAt(NodeApi asker, String node, String id) throws IOException, InterruptedException {
        JsonNode question = timeline.await(() -> {
            JsonNode now = asker.get("/api/questions/" + id);
            String state = now.path("state").asText();
            return "answered".equals(state) || "refused".equals(state) ? Optional.of(now) : Optional.empty();
        }, "the answer to question " + id + " at " + node);
        if (!"answered".equals(question.path("state").asText())) {
            throw new IllegalStateException("the question " + id + " at " + node + " was refused: "
                    + question.path("refusal").asText());
        }
        return question;
    }

    /** The ledger entries one question left at {@code node}: what went out and what came in, under which agreement. */
    private void ledger(NodeApi admin, String node, String questionId) throws IOException, InterruptedException {
        List<JsonNode> found = new ArrayList<>();
        admin.get("/api/disclosures?q=OKONKWO").forEach(found::add);
        // Oldest first; a question and the answer released with it share an instant, and the question came first.
        found.sort(Comparator.comparing((JsonNode e) -> e.path("at").asText())
                .thenComparing(e -> !"question".equalsIgnoreCase(e.path("kind").asText())));
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : found) {
            if (questionId.equals(entry.path("questionId").asText())) {
                entries.add(entry.path("kind").asText().toLowerCase() + " " + entry.path("direction").asText()
                        .toLowerCase() + (entry.path("direction").asText().equalsIgnoreCase("sent") ? " to " : " from ")
                        + entry.path("counterpart").asText() + " (" + String.join(", ", texts(entry.path("categories")))
                        + ")");
            }
        }
        timeline.add("ledger at " + node + " for OKONKWO AMARA under " + DemoAgreements.POLICE + ": "
                + String.join("; ", entries));
    }

    /** Where to see it in the web application, with the logins. */
    private void where(Map<String, NodeApi> admins, long worker) {
        out.println("  see it in the web application (password " + PASSWORD + "): the questions at "
                + admins.get(POLICE).baseUrl() + " as " + INVESTIGATOR + " and at " + admins.get(LABOUR).baseUrl()
                + " as " + INSPECTOR + "; the requests and approval queue at " + admins.get(HQ).baseUrl() + " as "
                + HQ_SUPERVISOR + ", and " + WORKER_SURNAME + "'s disclosure ledger in the person view "
                + admins.get(HQ).baseUrl() + "/persons/" + worker);
        out.flush();
    }

    private static Map<String, Object> question(String query, String purpose, List<String> categories,
                                                Map<String, Object> subject) {
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("answerer", HQ);
        question.put("query", query);
        question.put("purpose", purpose);
        question.put("categories", categories);
        question.put("subject", subject);
        return question;
    }

    private static Map<String, Object> worker(String document) {
        return Map.of("documentNumber", document, "issuingState", "BRA");
    }

    private NodeApi login(Map<String, NodeApi> admins, String node, String username)
            throws IOException, InterruptedException {
        NodeApi api = new NodeApi(node + " " + username, admins.get(node).baseUrl());
        api.login(username, PASSWORD);
        return api;
    }

    private static Optional<JsonNode> crossing(NodeApi analyst, String uid) throws IOException, InterruptedException {
        for (JsonNode crossing : analyst.get("/api/crossings?limit=100")) {
            if (crossing.path("uid").asText().equals(uid)) {
                return Optional.of(crossing);
            }
        }
        return Optional.empty();
    }

    /** The newest crossings of an answer, a few of them: a demo run again adds two each time. */
    private static String crossingList(JsonNode crossings) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < Math.min(SHOWN_CROSSINGS, crossings.size()); i++) {
            JsonNode crossing = crossings.get(i);
            list.append(i == 0 ? ": " : ", ").append(crossing.path("direction").asText().toLowerCase()).append(" at ")
                    .append(crossing.path("post").asText()).append(' ').append(crossing.path("at").asText());
        }
        if (crossings.size() > SHOWN_CROSSINGS) {
            list.append(" and ").append(crossings.size() - SHOWN_CROSSINGS).append(" earlier");
        }
        return list.toString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) + "…" : id;
    }
}
