package org.ibex.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.ibex.access.AccessDeniedException;
import org.ibex.biometrics.BiometricRefusal;
import org.ibex.biometrics.BiometricsBusyException;
import org.ibex.biometrics.ImageRefusedException;
import org.ibex.access.AccountException;
import org.ibex.biometrics.NotEnrolledException;
import org.ibex.biometrics.UnusableFingerException;
import org.ibex.border.NotFoundException;
import org.ibex.inquiry.QuestionRefusedException;
import org.ibex.input.FieldRuleException;
import org.ibex.store.ConflictException;
import org.ibex.watchlist.ConfirmationRequiredException;
import org.ibex.watchlist.UnknownListException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Maps failures to JSON errors. No stack trace ever reaches a client; unexpected ones are logged with an id. */
final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {
    }

    static void register(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> respond(ctx, e.status, e.code, e.field, e.getMessage(), null));
        // Every domain's bad input, one mapping: the field, the rule's code and, when several broke, each of them.
        app.exception(FieldRuleException.class, (e, ctx) ->
                respond(ctx, 400, e.code(), e.field(), e.getMessage(), e.details()));
        app.exception(NotFoundException.class, (e, ctx) -> respond(ctx, 404, "not-found", null, e.getMessage(), null));
        app.exception(NotEnrolledException.class, (e, ctx) -> respond(ctx, 404, "not-enrolled", null, e.getMessage(), null));
        app.exception(UnusableFingerException.class, (e, ctx) -> respond(ctx, 422, "unusable-finger",
                "fingers." + e.position().code(), e.getMessage(), null));
        app.exception(ConflictException.class, (e, ctx) -> respond(ctx, 409, e.code(), e.field(), e.getMessage(), null));
        app.exception(BiometricRefusal.class, (e, ctx) -> respond(ctx, switch (e.kind()) {
            case UNKNOWN_PERSON, UNKNOWN_IDENTIFICATION -> 404;
            case ENROLMENT_EXISTS -> 409;
            case REASON_REQUIRED, INVALID_FIELD -> 400;
        }, switch (e.kind()) {
            case UNKNOWN_PERSON, UNKNOWN_IDENTIFICATION -> "not-found";
            case ENROLMENT_EXISTS -> "enrolment-exists";
            case REASON_REQUIRED, INVALID_FIELD -> "invalid-input";
        }, e.field(), e.getMessage(), null));
        app.exception(ImageRefusedException.class, (e, ctx) -> respond(ctx, switch (e.refusal()) {
            case TOO_MANY_BYTES -> 413;
            case TOO_MANY_PIXELS -> 422;
            case UNREADABLE -> 400;
        }, e.refusal() == ImageRefusedException.Refusal.UNREADABLE ? "invalid-image" : "image-too-large",
                e.field(), e.getMessage(), null));
        app.exception(BiometricsBusyException.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            respond(ctx, 503, "busy", null, e.getMessage(), null);
        });
        app.exception(AccountException.class, (e, ctx) -> {
            if (e.kind() == AccountException.Kind.THROTTLED) {
                ctx.header("Retry-After", Long.toString(e.retryAfter().toSeconds()));
            }
            respond(ctx, status(e.kind()), e.code(), e.field(), e.getMessage(), null);
        });
        // Outside every agreement: the refusal's code is for machines, as the audit log names it.
        app.exception(QuestionRefusedException.class, (e, ctx) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "agreement-refused");
            body.put("code", "agreement-refused");
            body.put("refusal", e.reason().code());
            body.put("message", e.getMessage());
            ctx.status(403).json(body);
        });
        app.exception(AccessDeniedException.class, (e, ctx) -> respond(ctx, 403, "forbidden", null, e.getMessage(), null));
        app.exception(UnknownListException.class, (e, ctx) -> respond(ctx, 404, "not-found", null, e.getMessage(), null));
        app.exception(ConfirmationRequiredException.class, (e, ctx) ->
                respond(ctx, 409, "confirmation-required", "confirmRemoval", e.getMessage(), null));
        app.exception(IllegalArgumentException.class, (e, ctx) ->
                respond(ctx, 400, "invalid-input", null, e.getMessage(), null));
        // Javalin's own refusals (no route, wrong method, body over the cap) would answer in its shape or plain text.
        app.exception(HttpResponseException.class, (e, ctx) -> framework(ctx, e));
        app.exception(Exception.class, (e, ctx) -> {
            String incident = UUID.randomUUID().toString();
            LOG.error("incident {} on {} {}", incident, ctx.method(), ctx.path(), e);
            respond(ctx, 500, "internal", null, "internal error; incident " + incident + " is in the server log", null);
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                respond(ctx, 404, "not-found", null, "no such endpoint or record: " + ctx.method() + " " + ctx.path(), null);
            }
        });
    }

    private static void framework(Context ctx, HttpResponseException e) {
        switch (e.getStatus()) {
            case 404 -> {
                if (browserAskingForPage(ctx)) {
                    // Left to the screens' own 404 page, in the browser's language.
                    ctx.status(404);
                } else {
                    respond(ctx, 404, "not-found", null,
                            "no such endpoint or record: " + ctx.method() + " " + ctx.path(), null);
                }
            }
            case 405 -> {
                // Javalin names the detail for a browser or a machine; either way it is the one entry.
                String allowed = e.getDetails().values().stream().findFirst().orElse("");
                ctx.header("Allow", allowed);
                respond(ctx, 405, "method-not-allowed", null, ctx.method() + " is not allowed on " + ctx.path()
                        + ": use " + allowed + " (see /openapi.json)", null);
            }
            case 413 -> respond(ctx, 413, "too-large", "body", "the body (" + ctx.req().getContentLengthLong()
                    + " bytes) is over this endpoint's size limit; the README's 'Limits on input' lists them", null);
            case 415 -> respond(ctx, 415, "unsupported-media-type", "Content-Type", e.getMessage(), null);
            default -> respond(ctx, e.getStatus(), e.getStatus() >= 500 ? "internal" : "invalid-request", null,
                    e.getMessage(), null);
        }
    }

    private static boolean browserAskingForPage(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html") && !ctx.path().startsWith("/api/");
    }

    private static int status(AccountException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case CONFLICT -> 409;
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case THROTTLED -> 429;
        };
    }

    static void respond(Context ctx, int status, String code, String field, String message, List<?> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        if (field != null) {
            body.put("field", field);
        }
        if (problems != null) {
            body.put("problems", problems);
        }
        ctx.status(status).json(body);
    }
}
