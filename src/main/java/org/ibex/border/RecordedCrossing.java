package org.ibex.border;

/** A crossing as stored, with the traveller's stay after it; {@code duplicate} when a retry found it stored. */
public record RecordedCrossing(Crossing crossing, StayStatus stay, boolean duplicate) {
}
