package org.lrplayground.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.format.RunFormat;

class RunStatusTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "surface=rosenbrock&start=-1.5,2&steps=500&run=sgd:lr=1 | DIVERGED | RATE_TOO_LARGE",
            "surface=custom&f=log(x)&start=-1,0&run=sgd | DIVERGED | UNDEFINED_AT_START",
            "surface=custom&f=log(x)%2By%5E2&start=0.5,1&run=sgd:lr=1 | DIVERGED | UNDEFINED_POINT",
            "surface=custom&f=x&start=1e9,0&run=sgd | DIVERGED | UNUSABLE_START",
            "surface=saddle&steps=500&run=sgd:lr=0.1 | LEFT_BOX | NO_MINIMUM",
            "surface=booth&steps=500&run=sgd:lr=0.1 | CONVERGED | NONE"})
    void eachEndCarriesItsCauseAndItsHintEndsTheReason(String query, RunStatus.Kind kind, RunStatus.Cause cause) {
        RunStatus status = Race.run(RunFormat.parse(query)).status(0);

        assertThat(status.kind()).isEqualTo(kind);
        assertThat(status.cause()).isEqualTo(cause);
        assertThat(status.reason()).endsWith(cause.hint());
    }

    @Test
    void onlyDivergedAndLeftBoxRunsHaveACause() {
        assertThatThrownBy(() -> new RunStatus(RunStatus.Kind.CONVERGED, 3, RunStatus.Cause.RATE_TOO_LARGE, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RunStatus(RunStatus.Kind.DIVERGED, 3, RunStatus.Cause.NONE, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
