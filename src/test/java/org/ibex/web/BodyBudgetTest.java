package org.ibex.web;

import org.ibex.biometrics.BiometricsBusyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Image uploads share one budget of bytes in memory: beyond it a request is told to come back, not queued without end. */
class BodyBudgetTest {

    @Test
    void aRequestBeyondTheBudgetIsBusyUntilAnotherGivesItsBytesBack() {
        BodyBudget budget = new BodyBudget(10);
        BodyBudget.Lease first = budget.lease();
        first.take(8);

        try (BodyBudget.Lease second = budget.lease()) {
            assertThatThrownBy(() -> second.take(5)).as("8 of 10 bytes are held").isInstanceOf(BiometricsBusyException.class)
                    .hasMessageContaining("send again shortly");
            first.close();
            second.take(5);
            assertThat(second.held()).isEqualTo(5);
        }
        assertThat(budget.available()).as("every byte is given back when the requests end").isEqualTo(10);
    }

    @Test
    void theBudgetOfAnyHeapFitsOneFullBody() {
        assertThat(BodyBudget.forHeap(BiometricRoutes.MAX_BODY).available()).isGreaterThanOrEqualTo((int) BiometricRoutes.MAX_BODY);
    }
}
