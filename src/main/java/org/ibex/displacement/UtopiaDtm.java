package org.ibex.displacement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The demo's synthetic DTM rounds for the fictional state Utopia (operation "Utopia flood response", areas UT01 to
 * UT06, twelve rounds of 2026, a surge in UT03 from about 1,000 to 1,000,000): IOM's real exports may not ship.
 */
public final class UtopiaDtm {
    public static final String RESOURCE = "utopia-dtm.csv";

    private UtopiaDtm() {
    }

    /** The file's bytes, in the 14-column layout of DTM's CSV exports. */
    public static byte[] csv() {
        try (InputStream in = UtopiaDtm.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks org/ibex/displacement/" + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
