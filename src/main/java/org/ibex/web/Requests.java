package org.ibex.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.javalin.http.Context;
import org.ibex.access.Actor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/** Reading request bodies and parameters into values, with errors that name the field. */
final class Requests {
    static final String ACTOR = "ibex.actor";
    private static final int MAX_BODY = 1 << 20;

    private Requests() {
    }

    static <T> T body(Context ctx, ObjectMapper mapper, Class<T> type) {
        requireJson(ctx.contentType());
        String body = ctx.body();
        if (body.isBlank()) {
            throw ApiException.badRequest("body", "a JSON body is required");
        }
        if (body.length() > MAX_BODY) {
            throw ApiException.badRequest("body", "body larger than " + MAX_BODY + " characters");
        }
        return parse(() -> mapper.readValue(body, type));
    }

    /**
     * A JSON body of up to {@code limit} bytes, for the endpoints that carry images. Read from the stream, never
     * through Javalin's body (capped at 1 MiB for all other endpoints), and bounded before it is in memory: a
     * declared Content-Length over the limit is refused unread, and the bytes are counted as they arrive.
     */
    static <T> T body(Context ctx, ObjectMapper mapper, Class<T> type, long limit, BodyBudget.Lease lease) {
        byte[] body = bytes(ctx, limit, lease);
        if (body.length == 0) {
            throw ApiException.badRequest("body", "a JSON body is required");
        }
        return parse(() -> mapper.readValue(body, type));
    }

    /**
     * The raw body, at most {@code limit} bytes (413 naming the limit otherwise), its bytes taken from the node's
     * budget for bodies as they are read (503 when the node holds too many).
     */
    static byte[] bytes(Context ctx, long limit, BodyBudget.Lease lease) {
        return bytes(ctx, limit, lease, "Ten fingers as WSQ or PNG fit easily; so does an ANSI/NIST-ITL ten-print");
    }

    /** The same, with {@code hint} saying what fits in the limit on this endpoint. */
    static byte[] bytes(Context ctx, long limit, BodyBudget.Lease lease, String hint) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit, "declares " + declared + " bytes", hint);
        }
        lease.take(Math.max(0, declared));
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1 << 16);
            byte[] chunk = new byte[1 << 16];
            long total = 0;
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                total += n;
                if (total > limit) {
                    throw tooLarge(limit, "has more than " + limit + " bytes", hint);
                }
                if (total > lease.held()) {
                    lease.take(total - lease.held());
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiException.badRequest("body", "the body could not be read to its end; send it again");
        }
    }

    private static ApiException tooLarge(long limit, String what, String hint) {
        return new ApiException(413, "body-too-large", "body", "the body " + what + "; this endpoint takes at most "
                + (limit >= 1 << 20 ? (limit >> 20) + " MiB" : (limit >> 10) + " KiB") + " (" + limit + " bytes). "
                + hint);
    }

    /** A JSON read whose failures become 400s naming the field. */
    @FunctionalInterface
    private interface JsonRead<T> {
        T read() throws IOException;
    }

    private static <T> T parse(JsonRead<T> read) {
        try {
            return read.read();
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest(e.getPropertyName(), "unknown field '" + e.getPropertyName() + "'");
        } catch (MismatchedInputException e) {
            String field = fieldOf(e);
            // Jackson's own message names Java classes; the client gets the expected JSON shape instead.
            String got = e instanceof InvalidFormatException f ? " (got " + f.getValue() + ")" : "";
            throw ApiException.badRequest(field, "wrong type or format for '" + field + "': expected "
                    + expected(e.getTargetType()) + got);
        } catch (JsonMappingException e) {
            // A value's own reader refused it (a direction, a finger position): its rule is the message.
            if (e.getCause() instanceof IllegalArgumentException) {
                throw ApiException.badRequest(fieldOf(e), e.getCause().getMessage());
            }
            throw malformed(e);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw ApiException.badRequest("body", "the body could not be read as JSON");
        }
    }

    /** Where in the body Jackson stopped, as the client names it: {@code fingers[2].image}. */
    private static String fieldOf(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                .reduce((a, b) -> a + "." + b).orElse("body");
    }

    /** A whole number from {@code min}..{@code max} in the parameter {@code name}, or a 400 naming it and the range. */
    static long wholeNumber(String name, String value, long min, long max) {
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Answered below, as a number out of range is.
        }
        throw ApiException.badRequest(name, name + " must be a whole number of " + min + " or more (got '" + value + "')");
    }

    private static ApiException malformed(JsonProcessingException e) {
        if (brokeALimit(e)) {
            // Jackson's own limits (a number of thousands of digits, nesting too deep) carry no location.
            return ApiException.badRequest("body", "the body breaks a JSON limit: a number has at most 1000 digits,"
                    + " nesting is at most 1000 levels deep, a string at most 20,000,000 characters");
        }
        JsonLocation at = e.getLocation();
        return ApiException.badRequest("body", "malformed JSON" + (at == null ? ""
                : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
    }

    /**
     * Refuses a body declared as something other than JSON (415). No type, and curl's default for {@code -d}
     * (form-urlencoded), are read as JSON: the README's own examples send JSON that way.
     */
    static void requireJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (type.equals("application/json") || type.endsWith("+json") || type.equals("application/x-www-form-urlencoded")) {
            return;
        }
        throw new ApiException(415, "unsupported-media-type", "Content-Type", "this endpoint reads JSON: send"
                + " 'Content-Type: application/json' (got '" + type + "')");
    }

    private static boolean brokeALimit(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException) {
                return true;
            }
        }
        return false;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "the shape given in /openapi.json";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "a date yyyy-MM-dd";
        }
        if (type == Instant.class) {
            return "an ISO instant such as 2026-03-01T08:15:00Z";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return Collection.class.isAssignableFrom(type) ? "an array" : "an object";
    }

    static LocalDate date(Context ctx, String name, LocalDate fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be a date yyyy-MM-dd (got '" + value + "')");
        }
    }

    static long pathId(Context ctx, String name) {
        String value = ctx.pathParam(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a whole number (got '" + value + "')");
        }
    }

    static int limit(Context ctx) {
        String value = ctx.queryParam("limit");
        if (value == null) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1 || limit > 10_000) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit", "limit must be 1..10000 (got '" + value + "')");
        }
    }

    static Actor actor(Context ctx) {
        Actor actor = ctx.attribute(ACTOR);
        if (actor == null) {
            throw new IllegalStateException("actor missing: endpoint " + ctx.path() + " was not guarded");
        }
        return actor;
    }
}
