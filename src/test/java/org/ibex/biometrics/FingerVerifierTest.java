package org.ibex.biometrics;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FingerVerifierTest {
    private static final FingerVerifier VERIFIER = new FingerVerifier(ScoreThresholds.fvc2002(), 1e-4);
    private static FingerTemplate index1;
    private static FingerTemplate index2;
    private static FingerTemplate middle1;
    private static FingerTemplate middle2;
    private static FingerTemplate other;

    @BeforeAll
    static void extract() {
        // FVC fingers 101 and 102 stand in for one person's right index and middle fingers; 105 is someone else's.
        index1 = FvcSamples.template(FingerPosition.RIGHT_INDEX, 101, 1);
        index2 = FvcSamples.template(FingerPosition.RIGHT_INDEX, 101, 2);
        middle1 = FvcSamples.template(FingerPosition.RIGHT_MIDDLE, 102, 1);
        middle2 = FvcSamples.template(FingerPosition.RIGHT_MIDDLE, 102, 2);
        other = FvcSamples.template(FingerPosition.RIGHT_INDEX, 105, 2);
    }

    @Test
    void twoImpressionsOfOneFingerMatch() {
        Verification result = VERIFIER.verify(FingerSet.of(index1), FingerSet.of(index2));

        assertThat(result.decision()).as("%s", result).isEqualTo(MatchDecision.MATCH);
        assertThat(result.fusedScore()).isGreaterThan(result.threshold());
        assertThat(result.scores()).extracting(FingerScore::position).containsExactly(FingerPosition.RIGHT_INDEX);
    }

    @Test
    void differentFingersDoNotMatch() {
        Verification result = VERIFIER.verify(FingerSet.of(index1), FingerSet.of(other));

        assertThat(result.decision()).as("%s", result).isEqualTo(MatchDecision.NO_MATCH);
        assertThat(result.fusedScore()).isLessThan(result.threshold());
    }

    @Test
    void twoFingersAreSummedAndJudgedAgainstTheTwoFingerThreshold() {
        Verification result = VERIFIER.verify(FingerSet.of(index1, middle1), FingerSet.of(index2, middle2));

        assertThat(result.decision()).isEqualTo(MatchDecision.MATCH);
        assertThat(result.scores()).hasSize(2);
        assertThat(result.fusedScore()).isEqualTo(result.scores().get(0).score() + result.scores().get(1).score());
        assertThat(result.threshold()).isEqualTo(ScoreThresholds.fvc2002().threshold(2, 1e-4));
    }

    @Test
    void aFingerMissingAtTheBorderIsDecidedOnTheRestAndTheExceptionIsRecorded() {
        MissingFinger bandaged = new MissingFinger(FingerPosition.RIGHT_MIDDLE, MissingReason.INJURED_OR_BANDAGED, "cut, bandaged");
        FingerSet atTheBorder = FingerSet.of(List.of(index2), List.of(bandaged));

        Verification result = VERIFIER.verify(atTheBorder, FingerSet.of(index1, middle1));

        assertThat(result.decision()).isEqualTo(MatchDecision.MATCH);
        assertThat(result.scores()).extracting(FingerScore::position).containsExactly(FingerPosition.RIGHT_INDEX);
        assertThat(result.threshold()).as("one finger compared, so the one-finger threshold")
                .isEqualTo(ScoreThresholds.fvc2002().threshold(1, 1e-4));
        assertThat(result.notCompared()).containsExactly(bandaged);
    }

    @Test
    void noFingerInCommonIsInconclusive() {
        Verification result = VERIFIER.verify(FingerSet.of(index1), FingerSet.of(middle1));

        assertThat(result.decision()).isEqualTo(MatchDecision.INCONCLUSIVE);
        assertThat(result.notCompared()).extracting(MissingFinger::position)
                .containsExactly(FingerPosition.RIGHT_INDEX, FingerPosition.RIGHT_MIDDLE);
    }
}
