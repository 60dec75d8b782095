package org.lrplayground.playground.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import org.lrplayground.race.RunService;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.RunSpec;

/**
 * The Export button: the current scene's runs as CSV or JSON and the step table. The downloads
 * are plain links to the run API with the scene's query, so a file saved here is byte for byte
 * what a script gets from the same address. Each chart saves itself as PNG from the button in
 * its corner (lr-charts.js).
 */
class ExportMenu extends Composite<Button> {

    final Anchor csv = link("CSV", "every run, one row per step");
    final Anchor json = link("JSON", "every run with the scene's settings");
    final Button stepTable = new Button("Step table…", VaadinIcon.TABLE.create());
    private final Popover popover = new Popover();
    private RunSpec spec;

    ExportMenu(RunService runs) {
        Button button = getContent();
        button.setText("Export");
        button.setIcon(VaadinIcon.DOWNLOAD_ALT.create());
        button.setTooltipText("Download the runs, or read them step by step");
        stepTable.addThemeVariants(ButtonVariant.TERTIARY);
        stepTable.addClickListener(e -> {
            popover.close();
            new StepTable(runs, spec).open();
        });
        Span pngHint = new Span("PNG: the ⤓ button at the top right of each chart.");
        pngHint.addClassName("export-hint");
        Div items = new Div(csv, json, stepTable, pngHint);
        items.addClassName("export-menu");
        popover.add(items);
        popover.setAriaLabel("Export");
        popover.setPosition(PopoverPosition.BOTTOM_START);
        popover.setTarget(button);
    }

    private static Anchor link(String format, String what) {
        Anchor a = new Anchor();
        a.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(format), new Span(what));
        a.addClassName("export-link");
        a.setRouterIgnore(true);
        return a;
    }

    /** The scene to export. */
    void setSpec(RunSpec next) {
        spec = next;
        String query = RunFormat.format(next);
        String name = "lr-playground-" + next.surface().id();
        point(csv, "api/runs.csv?" + query, name + ".csv");
        point(json, "api/runs?" + query, name + ".json");
    }

    /** Whether the form is valid: exporting the stage's last scene while it is not would not export what the form says. */
    void setAvailable(boolean on) {
        RaceControls.enable(getContent(), on);
        if (!on) {
            popover.close();
        }
    }

    /** Relative to the app's root (Vaadin's base href), so the links survive a context path. */
    private static void point(Anchor a, String href, String fileName) {
        a.setHref(href);
        a.getElement().setAttribute("download", fileName);
    }
}
