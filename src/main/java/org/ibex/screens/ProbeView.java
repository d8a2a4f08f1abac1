package org.ibex.screens;

import org.ibex.confirmation.PartnerProbe;

import java.time.Instant;

/** A probe sent to a partner as the requester's screens show it: its state in a word and a colour. */
public record ProbeView(PartnerProbe probe, boolean releasable) {
    static ProbeView of(PartnerProbe probe, Instant now) {
        return new ProbeView(probe, probe.releasable(now));
    }

    public boolean pending() {
        return probe.state() == PartnerProbe.State.PENDING;
    }

    public boolean hit() {
        return probe.state() == PartnerProbe.State.ANSWERED && "hit".equals(probe.outcome());
    }

    public String stateKey() {
        return switch (probe.state()) {
            case PENDING -> "confirm.probe.state.pending";
            case REFUSED -> "confirm.probe.state.refused";
            case ANSWERED -> hit() ? "confirm.probe.state.hit" : "confirm.probe.state.noHit";
        };
    }

    public String tone() {
        return switch (probe.state()) {
            case PENDING -> "tag";
            case REFUSED -> "tag error";
            case ANSWERED -> hit() ? "tag warn" : "tag ok";
        };
    }

    /** The receipt's state: verified, invalid (the signature or the digest did not hold), or none yet. */
    public String receiptKey() {
        if (probe.receipt() == null) {
            return "confirm.receipt.none";
        }
        return Boolean.TRUE.equals(probe.receiptValid()) ? "confirm.receipt.verified" : "confirm.receipt.invalid";
    }

    public String receiptTone() {
        return probe.receipt() == null ? "tag" : Boolean.TRUE.equals(probe.receiptValid()) ? "tag ok" : "tag error";
    }

    /** What was asked: the fingers of a search, or a document. */
    public boolean document() {
        return probe.document() != null;
    }
}
