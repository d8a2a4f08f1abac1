package org.ibex.biometrics;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The minutiae of one SourceAFIS template as parallel primitive arrays: positions in pixels at 500 dpi,
 * directions in radians, types 'E' (ending) or 'B' (bifurcation). Read from and written to the CBOR form
 * that {@code FingerprintTemplate.toByteArray()} produces, so the index needs no access to SourceAFIS internals.
 */
public record Minutiae(String version, int width, int height, short[] x, short[] y, float[] direction, String types) {
    private static final ObjectMapper CBOR = new CBORMapper();

    public Minutiae {
        if (x.length != y.length || x.length != direction.length || x.length != types.length()) {
            throw new IllegalArgumentException("template arrays differ in length: positionsX " + x.length
                    + ", positionsY " + y.length + ", directions " + direction.length + ", types " + types.length());
        }
    }

    public int size() {
        return x.length;
    }

    /** Parses a SourceAFIS template; a template from another extractor must be converted by SourceAFIS first. */
    public static Minutiae parse(byte[] template) {
        Persistent p;
        try {
            p = CBOR.readValue(template, Persistent.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a SourceAFIS template (CBOR): " + e.getMessage(), e);
        }
        if (p.positionsX == null || p.positionsY == null || p.directions == null || p.types == null) {
            throw new IllegalArgumentException("SourceAFIS template lacks positionsX, positionsY, directions or types");
        }
        return new Minutiae(p.version, p.width, p.height, p.positionsX, p.positionsY, p.directions, p.types);
    }

    /** The CBOR bytes SourceAFIS reads back with {@code new FingerprintTemplate(bytes)}. */
    public byte[] toTemplate() {
        Persistent p = new Persistent();
        p.version = version;
        p.width = (short) width;
        p.height = (short) height;
        p.positionsX = x;
        p.positionsY = y;
        p.directions = direction;
        p.types = types;
        try {
            return CBOR.writeValueAsBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SourceAFIS's persistent template layout, field for field. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    private static final class Persistent {
        String version;
        short width;
        short height;
        short[] positionsX;
        short[] positionsY;
        float[] directions;
        String types;
    }
}
