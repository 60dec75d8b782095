package org.lrplayground.ui;

/**
 * How one line looks in a chart.
 *
 * @param id     stable key for appending points
 * @param run    the run it belongs to (for highlighting and hiding), or −1 for none
 * @param name   its name in tooltips
 * @param color  CSS colour
 * @param dashed dashed instead of solid (the y coordinate's learning rate)
 */
public record ChartSeries(String id, int run, String name, String color, boolean dashed) {
}
