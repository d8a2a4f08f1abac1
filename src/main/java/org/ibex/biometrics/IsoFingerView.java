package org.ibex.biometrics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One finger view of an ISO/IEC 19794-2:2005 record: position, view number, impression, quality 0-100, minutiae. */
public record IsoFingerView(int position, int viewNumber, int impression, int quality, List<IsoMinutia> minutiae,
                            byte[] extendedData) {
    public IsoFingerView {
        minutiae = List.copyOf(minutiae);
        Objects.requireNonNull(extendedData, "extendedData");
    }

    public Optional<FingerPosition> finger() {
        return FingerPosition.of(position);
    }

    public Optional<ImpressionType> impressionType() {
        return ImpressionType.of(impression);
    }

    /** A copy of the extended data block (ridge counts, cores and deltas, vendor data); usually empty. */
    @Override
    public byte[] extendedData() {
        return extendedData.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsoFingerView v && v.position == position && v.viewNumber == viewNumber
                && v.impression == impression && v.quality == quality && v.minutiae.equals(minutiae)
                && java.util.Arrays.equals(v.extendedData, extendedData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(position, viewNumber, impression, quality, minutiae);
    }

    /** Minutiae are biometric data: counted, not printed. */
    @Override
    public String toString() {
        return "IsoFingerView[position " + position + ", view " + viewNumber + ", impression " + impression
                + ", quality " + quality + ", " + minutiae.size() + " minutiae, " + extendedData.length
                + " bytes extended data]";
    }
}
