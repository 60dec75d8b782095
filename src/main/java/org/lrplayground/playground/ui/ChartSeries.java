package org.lrplayground.playground.ui;

/**
 * How one line looks in a chart.
 *
 * @param id     stable key for appending points
 * @param name   the legend text
 * @param color  CSS colour
 * @param dashed dashed instead of solid (the y coordinate's learning rate)
 */
public record ChartSeries(String id, String name, String color, boolean dashed) {
}
