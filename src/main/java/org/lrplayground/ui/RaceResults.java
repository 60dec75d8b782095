package org.lrplayground.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.engine.run.Trajectory;
import org.lrplayground.race.Frame;

/**
 * The outcome of every run on the stage: colour, run, status with its step, the last f − f* and
 * the distance to the nearest minimum, and below the table why a run that failed failed. It stays
 * in view when a link hides the runs panel.
 */
public class RaceResults extends Div {

    private final Div table = new Div();
    private final Div notes = new Div();
    private final List<Row> rows = new ArrayList<>();
    /** A rate at which a diverged run would not diverge, by run. */
    private final Map<Integer, Double> stable = new HashMap<>();
    private BiConsumer<Integer, Double> useRate = (run, lr) -> {
    };
    /** When the moving runs' numbers were last written. */
    private long shownAt = Long.MIN_VALUE / 2;
    private static final long SHOWN_EVERY = 250_000_000L;

    /** What one row shows, and its cells. */
    private static final class Row {
        final Span status = cell("status");
        final Span gap = cell("gap");
        final Span distance = cell("distance");
        RunStatus last = RunStatus.RUNNING;
        /** The latest status, distance and f* to write. */
        RunStatus latest = RunStatus.RUNNING;
        double distanceValue = Double.NaN;
        double fStar;
        int step;
        double loss = Double.NaN;

        private static Span cell(String name) {
            Span s = new Span(new Text(""));
            s.addClassName("cell-" + name);
            return s;
        }
    }

    RaceResults() {
        addClassName("race-results");
        table.addClassName("race-results-table");
        table.getElement().setAttribute("role", "table");
        table.getElement().setAttribute("aria-label", "Results");
        notes.addClassName("race-results-notes");
        notes.getElement().setAttribute("aria-live", "polite");
        add(table, notes);
    }

    /** Called with a run and the rate its note suggests when "Use" is pressed. */
    public void onUseRate(BiConsumer<Integer, Double> listener) {
        useRate = listener;
    }

    /** A rate at which a diverged run would not diverge: its note names it with a button to use it. */
    public void suggest(int run, double lr) {
        stable.put(run, lr);
        renderNotes();
    }

    void show(RunSpec spec, List<ChartSeries> runs, double fStar) {
        table.removeAll();
        rows.clear();
        stable.clear();
        notes.removeAll();
        table.add(row(null, header("run"), header("status"), header("f − f*"), header("to minimum")));
        for (ChartSeries run : runs) {
            Row r = new Row();
            r.fStar = fStar;
            Span name = new Span(new Swatch(run.color()), new Span(run.name()));
            name.addClassName("cell-run");
            Div line = row(run.run(), name, r.status, r.gap, r.distance);
            rows.add(r);
            table.add(line);
            setStatus(r, RunStatus.RUNNING, 0);
        }
    }

    private static Span header(String text) {
        Span s = new Span(text);
        s.getElement().setAttribute("role", "columnheader");
        return s;
    }

    private static Div row(Integer run, Span... cells) {
        Div line = new Div(cells);
        line.addClassName("race-results-row");
        line.getElement().setAttribute("role", "row");
        for (Span c : cells) {
            if (c.getElement().getAttribute("role") == null) {
                c.getElement().setAttribute("role", "cell");
            }
        }
        if (run != null) {
            line.getElement().setAttribute("data-run", String.valueOf(run));
        }
        return line;
    }

    void draw(Frame frame) {
        boolean ended = false;
        for (int r = 0; r < frame.runs().size() && r < rows.size(); r++) {
            Frame.Run run = frame.runs().get(r);
            Row row = rows.get(r);
            Trajectory.Slice s = run.points();
            if (s.size() > 0) {
                row.loss = s.loss()[s.size() - 1];
                row.step = s.first() + s.size() - 1;
            }
            boolean ends = run.status().finished() && !row.last.finished();
            ended |= ends;
            row.latest = run.status();
            row.distanceValue = run.distance();
            if (ends) {
                write(row);
            }
        }
        // While runs move, their numbers are written at most every SHOWN_EVERY: the eye cannot read
        // more, and each written text is pushed. A last frame is always written.
        long now = System.nanoTime();
        if (frame.finished() || now - shownAt >= SHOWN_EVERY) {
            flush();
        }
        if (ended) {
            renderNotes();
        }
    }

    /** Writes every run's latest numbers now (the race has paused, or a single step was taken). */
    public void flush() {
        shownAt = System.nanoTime();
        rows.forEach(RaceResults::write);
    }

    private static void write(Row row) {
        setStatus(row, row.latest, row.step);
        text(row.gap, Numbers.readable(row.loss - row.fStar));
        text(row.distance, Numbers.readable(row.distanceValue));
    }

    /** Why each failed run failed, and for a rate too large one that holds, when one was found. */
    private void renderNotes() {
        notes.removeAll();
        for (int r = 0; r < rows.size(); r++) {
            RunStatus st = rows.get(r).last;
            if (st.kind() == RunStatus.Kind.DIVERGED || st.kind() == RunStatus.Kind.LEFT_BOX) {
                Div note = new Div(new Span((r + 1) + ". " + st.reason()));
                note.getElement().setAttribute("data-run", String.valueOf(r));
                Double lr = stable.get(r);
                if (lr != null) {
                    // The rate found may hold only to its last digit (divergence need not be monotone):
                    // it is used whole, and shown rounded with ≈ when rounding changes it.
                    String rate = (Numbers.readable(lr).equals(Numbers.format(lr)) ? " = " : " ≈ ") + Numbers.readable(lr);
                    Span found = new Span(" At lr" + rate + " it does not diverge (the largest a short search found).");
                    int run = r;
                    Button use = new Button("Use lr" + rate, e -> useRate.accept(run, lr));
                    use.addThemeVariants(ButtonVariant.SMALL);
                    use.addClassName("use-rate");
                    note.add(found, use);
                }
                notes.add(note);
            }
        }
    }

    private static void setStatus(Row row, RunStatus status, int step) {
        row.last = status;
        text(row.status, switch (status.kind()) {
            case RUNNING -> step == 0 ? "ready" : "step " + step;
            case CONVERGED -> "converged, step " + status.step();
            case DIVERGED -> "diverged, step " + status.step();
            case LEFT_BOX -> "left the box, step " + status.step();
            case MAX_STEPS -> "all " + status.step() + " steps";
            case STOPPED -> "stopped, step " + status.step();
        });
        row.status.getElement().setAttribute("kind", status.kind().id());
    }

    /**
     * A cell's text, changed in its one text node: one change on the wire, where Span.setText
     * replaces the node (three changes, about three times the bytes) — this runs on every frame.
     */
    private static void text(Span cell, String value) {
        ((Text) cell.getChildren().findFirst().orElseThrow()).setText(value);
    }

    private static String text(Span cell) {
        return ((Text) cell.getChildren().findFirst().orElseThrow()).getText();
    }

    /** A run's status in words, e.g. "converged at step 412 (loss 3.1e-9, distance 2.2e-5)". */
    public static String summary(RunStatus status, int step, double loss, double distance) {
        String numbers = "loss " + Numbers.readable(loss) + (Double.isNaN(distance) ? "" : ", distance " + Numbers.readable(distance));
        return switch (status.kind()) {
            case RUNNING -> "step " + step + " · " + numbers;
            case CONVERGED, MAX_STEPS -> status.reason() + " (" + numbers + ")";
            case DIVERGED, LEFT_BOX, STOPPED -> status.reason();
        };
    }

    /** The status texts, one per run (for tests). */
    public List<String> statuses() {
        return rows.stream().map(r -> text(r.status)).toList();
    }

    /** The runs' last statuses. */
    public List<RunStatus> kinds() {
        return rows.stream().map(r -> r.last).toList();
    }
}
