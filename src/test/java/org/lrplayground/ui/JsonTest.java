package org.lrplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void nonFiniteValuesBecomeNullAndNothingOverflowsOrUnderflowsOnTheWay() {
        String json = Json.numbers(Double.NaN, Double.POSITIVE_INFINITY, 0.1, 1e300, 1e-300, 0, -2.5).toString();

        assertThat(json).isEqualTo("[null,null,0.1,1.0E300,1.0E-300,0.0,-2.5]");
    }
}
