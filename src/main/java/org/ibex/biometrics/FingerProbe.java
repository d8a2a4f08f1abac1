package org.ibex.biometrics;

import com.machinezoo.sourceafis.FingerprintMatcher;

/**
 * A probe template prepared for comparison with many candidates (SourceAFIS indexes the probe once). Not safe
 * to share between threads: make one per thread.
 */
public final class FingerProbe {
    private final FingerprintMatcher matcher;

    public FingerProbe(FingerTemplate probe) {
        this.matcher = new FingerprintMatcher(probe.afis());
    }

    /** SourceAFIS similarity: 0 for nothing in common; SourceAFIS documents 40 as about FMR 1e-4. */
    public double score(FingerTemplate candidate) {
        return matcher.match(candidate.afis());
    }
}
