package org.ibex.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.agreement.Category;
import org.ibex.agreement.QueryType;
import org.ibex.inquiry.AgencyRequest;
import org.ibex.inquiry.Ask;
import org.ibex.inquiry.Inquiry;
import org.ibex.inquiry.InquiryViews;
import org.ibex.inquiry.Question;
import org.ibex.inquiry.Subject;
import org.ibex.inquiry.SubjectFinger;
import org.ibex.trust.NodeIdentity;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Questions between agencies: officers, supervisors and analysts ask another agency's node under the agreements in
 * force and follow the answers; supervisors approve or decline the questions this node holds for a person's
 * decision. A node outside any federation answers 409.
 */
final class QuestionRoutes {
    /** A question is a few hundred bytes; 16 KiB leaves room for long names and never for a payload. */
    static final int MAX_BODY = 16 * 1024;
    private static final Set<Role> ASKERS = Set.of(Role.OFFICER, Role.SUPERVISOR, Role.ANALYST);
    private static final Set<Role> OVERSEERS = Set.of(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN);
    private final Services services;
    private final ObjectMapper mapper;

    /** The body of POST /api/questions, as the client spells it. */
    record AskRequest(String answerer, String query, String purpose, List<String> categories, SubjectRequest subject,
                      Long personId, String crossingUid, String uid) {
    }

    /** Whom the question is about: a surname with a birth date, a document, or fingerprint templates. */
    record SubjectRequest(String surname, String givenNames, LocalDate birthDate, String documentNumber,
                          String issuingState, List<FingerRequest> fingers) {
    }

    /** One finger's template, base64, as {@code sourceafis} or {@code iso-19794-2}. */
    record FingerRequest(Integer position, String format, String template) {
    }

    /** The body of a decline: what the asker will read. */
    record DeclineRequest(String reason) {
    }

    QuestionRoutes(Services services, ObjectMapper mapper) {
        this.services = services;
        this.mapper = mapper;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.POST, "/api/questions", ASKERS, this::ask),
                Endpoint.of(HandlerType.GET, "/api/questions", ASKERS, ctx -> {
                    Inquiry inquiry = inquiry(services);
                    ctx.json(inquiry.questions().list(Requests.actor(ctx), Requests.limit(ctx)).stream()
                            .map(this::view).toList());
                }),
                Endpoint.of(HandlerType.GET, "/api/questions/{id}", ASKERS, ctx ->
                        ctx.json(view(inquiry(services).questions().find(id(ctx), Requests.actor(ctx))))),
                Endpoint.of(HandlerType.GET, "/api/requests", OVERSEERS, this::received),
                Endpoint.of(HandlerType.POST, "/api/requests/{id}/approve", Set.of(Role.SUPERVISOR), ctx ->
                        ctx.json(InquiryViews.request(inquiry(services).requests().approve(id(ctx),
                                Requests.actor(ctx))))),
                Endpoint.of(HandlerType.POST, "/api/requests/{id}/decline", Set.of(Role.SUPERVISOR), ctx -> {
                    Inquiry inquiry = inquiry(services);
                    DeclineRequest request = Requests.body(ctx, mapper, DeclineRequest.class);
                    ctx.json(InquiryViews.request(inquiry.requests().decline(id(ctx), request.reason(),
                            Requests.actor(ctx))));
                }));
    }

    private void ask(Context ctx) {
        Inquiry inquiry = inquiry(services);
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY || ctx.bodyAsBytes().length > MAX_BODY) {
            throw new ApiException(413, "body-too-large", "body", "a question takes at most " + MAX_BODY
                    + " bytes: the subject's names, birth date and document, never a file");
        }
        AskRequest request = Requests.body(ctx, mapper, AskRequest.class);
        Question asked = inquiry.questions().ask(ask(request), Requests.actor(ctx));
        ctx.status(201).json(view(asked));
    }

    /** The request as the domain takes it; every missing or unknown value is a 400 naming its field. */
    static Ask ask(AskRequest request) {
        if (request.query() == null) {
            throw ApiException.badRequest("query", "query is required: crossings, presence, wanted or identity");
        }
        QueryType query = parsed("query", () -> QueryType.parse(request.query().strip()));
        NodeIdentity answerer = request.answerer() == null || request.answerer().isBlank() ? null
                : parsed("answerer", () -> NodeIdentity.parse(request.answerer().strip()));
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (String code : request.categories() == null ? List.<String>of() : request.categories()) {
            categories.add(parsed("categories", () -> Category.parse(code == null ? "" : code.strip())));
        }
        SubjectRequest s = request.subject();
        if (s == null) {
            throw ApiException.badRequest("subject", "subject is required: a surname with a birthDate, or a"
                    + " documentNumber");
        }
        if (request.crossingUid() != null && request.crossingUid().length() > 64) {
            throw ApiException.badRequest("crossingUid", "crossingUid must be at most 64 characters");
        }
        List<SubjectFinger> fingers = new java.util.ArrayList<>();
        for (FingerRequest finger : s.fingers() == null ? List.<FingerRequest>of() : s.fingers()) {
            if (finger == null || finger.position() == null) {
                throw ApiException.badRequest("subject.fingers.position", "each finger needs a position 1 to 10");
            }
            fingers.add(new SubjectFinger(finger.position(), finger.format(), finger.template()));
        }
        Subject subject = new Subject(s.surname(), s.givenNames(), s.birthDate(), s.documentNumber(),
                s.issuingState(), fingers);
        return new Ask(answerer, query, request.purpose(), categories, subject, request.personId(),
                request.crossingUid(), request.uid());
    }

    private void received(Context ctx) {
        Inquiry inquiry = inquiry(services);
        String state = ctx.queryParam("state");
        List<AgencyRequest> requests;
        if (state == null || state.isBlank()) {
            requests = inquiry.requests().recent(Requests.limit(ctx));
        } else {
            AgencyRequest.State wanted = switch (state.strip().toLowerCase(Locale.ROOT)) {
                case "awaiting-approval" -> AgencyRequest.State.AWAITING_APPROVAL;
                case "answered" -> AgencyRequest.State.ANSWERED;
                case "refused" -> AgencyRequest.State.REFUSED;
                default -> throw ApiException.badRequest("state", "state must be awaiting-approval, answered or"
                        + " refused (got '" + state + "')");
            };
            requests = wanted == AgencyRequest.State.AWAITING_APPROVAL ? inquiry.requests().awaitingApproval()
                    : inquiry.requests().recent(500).stream().filter(r -> r.state() == wanted)
                    .limit(Requests.limit(ctx)).toList();
        }
        ctx.json(requests.stream().map(InquiryViews::request).toList());
    }

    private Map<String, Object> view(Question question) {
        return InquiryViews.question(question, services.clock().instant(), Inquiry.OVERDUE_AFTER);
    }

    /** A question's id as the path gives it; anything that cannot be one reads as missing. */
    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.length() > 64) {
            throw ApiException.badRequest("id", "id must be a question id of at most 64 characters");
        }
        return id;
    }

    /** The node's questions pillar, or a 409 when the node is in no federation. */
    static Inquiry inquiry(Services services) {
        return services.inquiry().orElseThrow(() -> new ApiException(409, "not-joined", null,
                "this node has not joined a federation: see 'ibex exchange join' in the README"));
    }

    private static <T> T parsed(String field, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, field + ": " + e.getMessage());
        }
    }
}
