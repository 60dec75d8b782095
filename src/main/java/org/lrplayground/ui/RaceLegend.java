package org.lrplayground.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Set;

/**
 * One legend for every chart of a race: a button per run in its colour (pressing it hides or shows
 * the run's lines; hovering it highlights the run everywhere) and the key of the rate chart's two
 * line styles. It never pages and never sits under a chart's buttons.
 */
class RaceLegend extends Div {

    /** Called with a run and whether it is now hidden. */
    interface Toggle {
        void toggled(int run, boolean hidden);
    }

    private final Div items = new Div();
    private final Toggle toggle;

    RaceLegend(Toggle toggle) {
        this.toggle = toggle;
        addClassName("race-legend");
        items.addClassName("race-legend-items");
        Span solid = new Span();
        solid.addClassName("key-solid");
        Span dashed = new Span();
        dashed.addClassName("key-dashed");
        Span key = new Span(new Text("effective lr: "), solid, new Text(" x · "), dashed, new Text(" y"));
        key.addClassName("race-legend-key");
        add(items, key);
    }

    void show(List<ChartSeries> runs, Set<Integer> hidden) {
        items.removeAll();
        for (ChartSeries run : runs) {
            NativeButton item = new NativeButton();
            item.add(new Swatch(run.color()), new Span(run.name()));
            item.addClassName("race-legend-item");
            item.getElement().setAttribute("data-run", String.valueOf(run.run()));
            item.getElement().setAttribute("title", "Hide or show this run's lines");
            pressed(item, !hidden.contains(run.run()));
            item.addClickListener(e -> {
                boolean nowHidden = "true".equals(item.getElement().getAttribute("aria-pressed"));
                pressed(item, !nowHidden);
                toggle.toggled(run.run(), nowHidden);
            });
            items.add(item);
        }
    }

    private static void pressed(NativeButton item, boolean shown) {
        item.getElement().setAttribute("aria-pressed", String.valueOf(shown));
    }
}
