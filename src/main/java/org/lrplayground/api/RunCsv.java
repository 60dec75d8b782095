package org.lrplayground.api;

import org.lrplayground.race.RunService;
import java.io.IOException;
import java.io.Writer;
import org.lrplayground.engine.run.Trajectory;

/**
 * The CSV of {@code /api/runs.csv}: one row per run and step, {@code run} being the 0-based index of
 * the {@code run=} parameter and {@code label} its label as the charts name it ("Adam lr=0.05"),
 * always quoted. Numbers are written as Java's shortest round-trip decimal; a value that is not a
 * number (the lr and η at t = 0) is an empty field. Columns only ever go on the end, so that
 * readers that pick them by position keep working.
 */
final class RunCsv {

    static final String HEADER = "run,step,x,y,loss,grad_x,grad_y,lr_x,lr_y,eta,label";

    private RunCsv() {
    }

    static void header(Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
    }

    static void rows(Writer out, RunService.FinishedRun run) throws IOException {
        Trajectory t = run.trajectory();
        String prefix = run.index() + ",";
        String label = ",\"" + run.config().label().replace("\"", "\"\"") + "\"";
        for (int i = 0; i < t.size(); i++) {
            out.write(prefix);
            out.write(Integer.toString(i));
            field(out, t.x(i));
            field(out, t.y(i));
            field(out, t.loss(i));
            field(out, t.gradX(i));
            field(out, t.gradY(i));
            field(out, t.lrX(i));
            field(out, t.lrY(i));
            field(out, t.eta(i));
            out.write(label);
            out.write('\n');
        }
    }

    private static void field(Writer out, double value) throws IOException {
        out.write(',');
        if (Double.isFinite(value)) {
            out.write(Double.toString(value));
        }
    }
}
