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
    private final String part;
    private final String field;

    public ImageRefusedException(Refusal refusal, String message) {
        this(refusal, message, -1, "image", null);
    }

    private ImageRefusedException(Refusal refusal, String message, int index, String part, String field) {
        super(message);
        this.refusal = refusal;
        this.index = index;
        this.part = part;
        this.field = field;
    }

    /** A finger's other member ({@code dpi}, {@code position}) breaking its rule: blamed as {@code fingers[i].part}. */
    static ImageRefusedException ofPart(String part, String message) {
        return new ImageRefusedException(Refusal.UNREADABLE, message, -1, part, null);
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
        return new ImageRefusedException(refusal, getMessage(), fingerIndex, part, field);
    }

    /** The same refusal blamed on a field of another shape, such as a record of an uploaded file. */
    public ImageRefusedException in(String fieldName) {
        return new ImageRefusedException(refusal, getMessage(), index, part, fieldName);
    }

    public Refusal refusal() {
        return refusal;
    }

    /** The finger's index in the request, or -1 when not known. */
    public int index() {
        return index;
    }

    /** The request field to blame: {@code fingers[i].image} (or {@code .dpi}, {@code .position}), unless placed elsewhere. */
    public String field() {
        if (field != null) {
            return field;
        }
        return index < 0 ? "fingers" : "fingers[" + index + "]." + part;
    }
}
