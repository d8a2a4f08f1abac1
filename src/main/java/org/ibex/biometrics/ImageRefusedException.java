package org.ibex.biometrics;

/**
 * A finger image refused before or while decoding: too many bytes, a declared size beyond the limits, or data
 * that is no readable image. Carries the finger's place in the request, so the error names {@code fingers[i].image}.
 */
public final class ImageRefusedException extends RuntimeException {
    /** Why the image was refused; the web layer answers 413, 422 and 400 for them. */
    public enum Refusal { TOO_MANY_BYTES, TOO_MANY_PIXELS, UNREADABLE }

    private final Refusal refusal;
    private final int index;

    public ImageRefusedException(Refusal refusal, String message) {
        this(refusal, message, -1);
    }

    private ImageRefusedException(Refusal refusal, String message, int index) {
        super(message);
        this.refusal = refusal;
        this.index = index;
    }

    /** The refusal of a decoder's rule: {@code bytes} and {@code limit} are sizes, anything else unreadable data. */
    static ImageRefusedException of(String rule, String message) {
        Refusal refusal = switch (rule) {
            case ImageBounds.BYTES -> Refusal.TOO_MANY_BYTES;
            case ImageBounds.LIMIT -> Refusal.TOO_MANY_PIXELS;
            default -> Refusal.UNREADABLE;
        };
        return new ImageRefusedException(refusal, message);
    }

    /** The same refusal, placed at the finger's index in the request. */
    public ImageRefusedException at(int fingerIndex) {
        return new ImageRefusedException(refusal, getMessage(), fingerIndex);
    }

    public Refusal refusal() {
        return refusal;
    }

    /** The finger's index in the request, or -1 when not known. */
    public int index() {
        return index;
    }

    /** The request field to blame: {@code fingers[i].image}. */
    public String field() {
        return index < 0 ? "fingers" : "fingers[" + index + "].image";
    }
}
