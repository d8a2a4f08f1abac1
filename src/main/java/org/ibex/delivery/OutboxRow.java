package org.ibex.delivery;

/** One queued message as the sender reads it back. */
record OutboxRow(String id, String recipient, String stream, long sequence, byte[] wire, int attempts) {
    @Override
    public String toString() {
        return "OutboxRow[id=" + id + ", recipient=" + recipient + ", stream=" + stream + ", sequence=" + sequence
                + ", attempts=" + attempts + "]";
    }
}
