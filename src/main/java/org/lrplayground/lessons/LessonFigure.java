package org.lrplayground.lessons;

import java.util.List;
import java.util.Optional;

/**
 * What a lesson's panel shows of its claim, measured on its preset: one sentence with the claim's
 * numbers and, where the claim is about a course over the steps, a chart of it.
 *
 * @param measured the sentence, e.g. "Measured on this preset: Polyak converges at step 71; …"
 * @param chart    the chart, if the claim needs one
 */
public record LessonFigure(String measured, Optional<Chart> chart) {

    /**
     * A line chart against the step.
     *
     * @param yName  the quantity drawn, e.g. "Eve's d"
     * @param lines  one line per run drawn
     * @param marker a labelled step, if the claim names one
     */
    public record Chart(String yName, List<Line> lines, Optional<Marker> marker) {

        public Chart {
            lines = List.copyOf(lines);
        }
    }

    /**
     * @param run    the preset's run it belongs to, from 0 (its colour in the playground)
     * @param name   its name in the legend
     * @param steps  the steps drawn
     * @param values the quantity at those steps
     */
    public record Line(int run, String name, double[] steps, double[] values) {
    }

    /** A vertical line at {@code step}, labelled {@code label}. */
    public record Marker(int step, String label) {
    }
}
