package org.ibex.confirmation;

import org.ibex.biometrics.FingerTemplate;
import org.ibex.input.FieldRuleException;
import org.ibex.inquiry.SubjectFinger;

/**
 * One finger of an anonymous probe: its position, its template (ISO/IEC 19794-2 minutiae, or SourceAFIS's own form
 * between IBEX nodes), base64, and the requester's quality score 0 to 100. No name, no number, no image.
 */
public record ProbeFinger(int position, String format, String template, Integer quality) {
    public ProbeFinger {
        new SubjectFinger(position, format, template);
        if (quality != null && (quality < 0 || quality > 100)) {
            throw new FieldRuleException("fingers.quality", "range", "fingers.quality must be 0 to 100");
        }
    }

    /** A finger as this node extracted it. */
    public static ProbeFinger of(FingerTemplate extracted, Integer quality) {
        SubjectFinger finger = SubjectFinger.of(extracted);
        return new ProbeFinger(finger.position(), finger.format(), finger.template(), quality);
    }

    FingerTemplate toTemplate() {
        return new SubjectFinger(position, format, template).toTemplate();
    }
}
