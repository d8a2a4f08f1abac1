package org.ibex.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's own refusals, made before a request reaches the API (a malformed URI, headers too large, a request
 * line too long), in the API's error shape instead of an HTML page. Only the status's standard reason is said:
 * Jetty's detail may echo the request.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        if (HttpStatus.hasNoBody(status)) {
            return BufferUtil.EMPTY_BUFFER;
        }
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return BufferUtil.toBuffer(body(status), StandardCharsets.UTF_8);
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("application/json");
        response.getOutputStream().write(body(code).getBytes(StandardCharsets.UTF_8));
    }

    static String body(int status) {
        String code = status >= 500 ? "internal" : status == 404 ? "not-found" : "invalid-request";
        String reason = HttpStatus.getMessage(status);
        return "{\"error\":\"" + code + "\",\"message\":\"the server refused the request before reading it: " + status
                + " " + (reason == null ? "" : reason.replaceAll("[^A-Za-z0-9 '-]", "")) + "\"}";
    }
}
