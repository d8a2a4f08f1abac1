package org.ibex.biometrics;

import java.util.List;

/**
 * An ISO/IEC 19794-2:2005 finger minutiae record: capture equipment (certification flags and device type),
 * image size in pixels, resolution in pixels per centimetre as the standard stores it, and the finger views.
 */
public record IsoTemplate(int captureEquipment, int width, int height, int resolutionX, int resolutionY,
                          List<IsoFingerView> views) {
    public IsoTemplate {
        views = List.copyOf(views);
    }

    /** Horizontal resolution in pixels per inch (197 ppcm is 500 ppi). */
    public int ppiX() {
        return (int) Math.round(resolutionX * 2.54);
    }

    public int ppiY() {
        return (int) Math.round(resolutionY * 2.54);
    }

    @Override
    public String toString() {
        return "IsoTemplate[" + width + "x" + height + " at " + resolutionX + "x" + resolutionY + " ppcm, views " + views + "]";
    }
}
