package org.ibex.web;

/** A request the API answers with an error status, a stable code and, where one is to blame, the field. */
final class ApiException extends RuntimeException {
    final int status;
    final String code;
    final String field;

    ApiException(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    static ApiException badRequest(String field, String message) {
        return new ApiException(400, "invalid-input", field, message);
    }
}
