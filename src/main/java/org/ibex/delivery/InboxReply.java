package org.ibex.delivery;

/** What the inbox answers over HTTP: a status, a content type and a body (a receipt, or a rejection as JSON). */
public record InboxReply(int status, String contentType, byte[] body) {
    public static final String ENVELOPE_TYPE = "application/vnd.ibex.envelope";

    public InboxReply {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    static InboxReply receipt(byte[] wire) {
        return new InboxReply(200, ENVELOPE_TYPE, wire);
    }

    static InboxReply rejected(int status, String code, String message) {
        String json = "{\"code\":\"" + escape(code) + "\",\"message\":\"" + escape(message) + "\"}";
        return new InboxReply(status, "application/json", Rows.utf8(json));
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "InboxReply[status=" + status + ", contentType=" + contentType + ", body=" + body.length + " bytes]";
    }
}
