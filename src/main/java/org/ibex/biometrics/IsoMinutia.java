package org.ibex.biometrics;

/**
 * One minutia of an ISO/IEC 19794-2:2005 record: kind, position in pixels from the top left, angle in units
 * of 1.40625 degrees (360/256) counter-clockwise from the horizontal, and quality 1-100 (0: not reported).
 */
public record IsoMinutia(Kind kind, int x, int y, int angleCode, int quality) {
    /** The two-bit minutia type. */
    public enum Kind { OTHER, RIDGE_ENDING, BIFURCATION, RESERVED }

    public double angleDegrees() {
        return angleCode * 360.0 / 256;
    }
}
