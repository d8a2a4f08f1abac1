package org.ibex.inquiry;

import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.FingerTemplate;
import org.ibex.input.FieldRuleException;

import java.util.Base64;
import java.util.Set;

/**
 * One finger of a question by fingerprints: its position and its template, base64, as SourceAFIS serialises it
 * ({@code sourceafis}) or as ISO/IEC 19794-2 minutiae ({@code iso-19794-2}) for partners on other matchers. Images never
 * travel: the asker extracts, the answerer only matches.
 */
public record SubjectFinger(int position, String format, String template) {
    static final int MAX_TEMPLATE_BYTES = 64 * 1024;
    private static final Set<String> FORMATS = Set.of("sourceafis", "iso-19794-2");

    public SubjectFinger {
        if (position < 1 || position > 10) {
            throw new FieldRuleException("subject.fingers.position", "range", "subject.fingers.position must be a"
                    + " finger code 1 (right thumb) to 10 (left little)");
        }
        if (format == null || !FORMATS.contains(format)) {
            throw new FieldRuleException("subject.fingers.format", "format", "subject.fingers.format must be"
                    + " sourceafis or iso-19794-2");
        }
        if (template == null || template.isEmpty() || template.length() > MAX_TEMPLATE_BYTES * 4 / 3 + 4) {
            throw new FieldRuleException("subject.fingers.template", "size", "subject.fingers.template must be"
                    + " base64 of at most " + MAX_TEMPLATE_BYTES + " bytes");
        }
        // Read once here, so a template no matcher can read is refused where it is written (a 400 at the asker, an
        // unreadable question at the answerer), never when the answerer is about to match it.
        read(position, format, template);
    }

    /** A finger as this node extracted it. */
    public static SubjectFinger of(FingerTemplate extracted) {
        return new SubjectFinger(extracted.position().code(), "sourceafis",
                Base64.getEncoder().encodeToString(extracted.toByteArray()));
    }

    /** The template to match; a malformed one is a rule broken by the asker, named as such. */
    public FingerTemplate toTemplate() {
        return read(position, format, template);
    }

    private static FingerTemplate read(int position, String format, String template) {
        FingerPosition finger = FingerPosition.ofCode(position);
        try {
            byte[] bytes = Base64.getDecoder().decode(template);
            return "sourceafis".equals(format) ? FingerTemplate.fromBytes(finger, bytes)
                    : FingerTemplate.fromIso(finger, bytes);
        } catch (RuntimeException e) {
            throw new FieldRuleException("subject.fingers.template", "format", "subject.fingers.template for finger "
                    + position + " is not a readable " + format + " template");
        }
    }
}
