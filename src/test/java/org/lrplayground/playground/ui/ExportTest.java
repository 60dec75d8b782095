package org.lrplayground.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.popover.Popover;
import org.junit.jupiter.api.Test;
import org.lrplayground.app.Budgets;
import org.lrplayground.race.RunService;
import org.lrplayground.race.RunService.FinishedRun;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.engine.run.Trajectory;

/** The Export button's links and the step table, as a user meets them, without a browser. */
@ViewPackages(classes = PlaygroundView.class)
class ExportTest extends PlaygroundPageTest {

    /** Rosenbrock (a = 1, b = 100) from (−1.5, 2): f = 6.25 + 6.25, ∇f = (−155, −50). */
    private static final String SGD_AND_ADAM = "surface=rosenbrock&start=-1.5,2&steps=50&run=sgd:lr=0.001&run=adam:lr=0.05";
    /** Columns: t, x, y, f, ∂f/∂x, ∂f/∂y, lr x, lr y. */
    private static final int T = 0, X = 1, Y = 2, F = 3, GX = 4, GY = 5, LRX = 6, LRY = 7;

    private StepTable openStepTable(PlaygroundView view) {
        test($(Popover.class).single()).open();
        test(view.export.stepTable).click();
        return $(StepTable.class).single();
    }

    @Test
    void theDownloadsAreTheRunApiWithTheScenesQueryAndAFileNamedAfterTheSurface() {
        PlaygroundView view = open(SGD_AND_ADAM);
        String query = RunFormat.format(view.spec());

        assertThat(test(view.export.csv).getHref()).isEqualTo("api/runs.csv?" + query);
        assertThat(test(view.export.json).getHref()).isEqualTo("api/runs?" + query);
        assertThat(view.export.csv.getElement().getAttribute("download")).isEqualTo("lr-playground-rosenbrock.csv");
        assertThat(view.export.json.getElement().getAttribute("download")).isEqualTo("lr-playground-rosenbrock.json");

        test(view.runs.runs.get(0).field("lr").textField()).setValue("0.002");
        assertThat(test(view.export.csv).getHref()).contains("run=sgd:lr=0.002,").isEqualTo("api/runs.csv?" + RunFormat.format(view.spec()));
    }

    @Test
    void anInvalidFormDisablesExportAndALinkMayHideIt() {
        PlaygroundView view = open(SGD_AND_ADAM);
        assertThat(view.export.getElement().isEnabled()).isTrue();

        test(view.runs.runs.get(0).field("lr").textField()).setValue("-1");
        assertThat(view.export.getElement().isEnabled()).isFalse();
        test(view.runs.runs.get(0).field("lr").textField()).setValue("0.001");
        assertThat(view.export.getElement().isEnabled()).isTrue();

        PlaygroundView hidden = open(SGD_AND_ADAM + "&hide=export");
        assertThat(hidden.export.isVisible()).isFalse();
        assertThat(hidden.location()).endsWith("&hide=export");
    }

    @Test
    void theFirstSgdStepIsTheOneComputedByHand() {
        StepTable table = openStepTable(open(SGD_AND_ADAM));
        GridTester<?, Integer> grid = test(table.grid);

        assertThat(table.isOpened()).isTrue();
        assertThat(grid.size()).isEqualTo(51);
        // t = 0: the start, its loss and gradient; no update has produced it, so no lr.
        assertThat(row(grid, 0)).containsExactly("0", "-1.5", "2", "12.5", "-155", "-50", "—", "—");
        // t = 1: θ − 0.001·∇f = (−1.345, 2.05), where f = 2.345² + 100·0.240975² = 11.3059…
        assertThat(grid.getCellText(1, T)).isEqualTo("1");
        assertThat(grid.getCellText(1, X)).isEqualTo("-1.345");
        assertThat(grid.getCellText(1, Y)).isEqualTo("2.05");
        assertThat(grid.getCellText(1, F)).isEqualTo("11.31");
        // ∂f/∂x = −2·2.345 + 400·1.345·0.240975 = 124.95…, ∂f/∂y = 200·0.240975
        assertThat(Double.parseDouble(grid.getCellText(1, GX))).isCloseTo(124.95455, within(0.05));
        assertThat(Double.parseDouble(grid.getCellText(1, GY))).isCloseTo(48.195, within(0.01));
        assertThat(grid.getCellText(1, LRX)).isEqualTo("0.001");
        assertThat(grid.getCellText(1, LRY)).isEqualTo("0.001");
    }

    @Test
    void everyRowOfTheChosenRunIsWhatTheRunServiceComputes() {
        PlaygroundView view = open(SGD_AND_ADAM);
        StepTable table = openStepTable(view);

        table.run.setValue(1);

        FinishedRun adam = new RunService(Budgets.standard()).run(view.spec(), 1);
        Trajectory t = adam.trajectory();
        GridTester<?, Integer> grid = test(table.grid);
        assertThat(grid.size()).isEqualTo(t.size());
        for (int i = 0; i < t.size(); i++) {
            assertThat(row(grid, i)).containsExactly(Integer.toString(i), StepTable.cell(t.x(i)), StepTable.cell(t.y(i)),
                    StepTable.cell(t.loss(i)), StepTable.cell(t.gradX(i)), StepTable.cell(t.gradY(i)),
                    StepTable.cell(t.lrX(i)), StepTable.cell(t.lrY(i)));
        }
        assertThat(grid.getCellText(1, LRX)).isNotEqualTo(grid.getCellText(2, LRX)); // Adam's rate moves
        assertThat(table.status.getText()).startsWith("ran all 50 steps (loss ");
    }

    @Test
    void aDivergedRunEndsAtItsLastFinitePointAndSaysSo() {
        StepTable table = openStepTable(open("surface=rosenbrock&start=-1.5,2&steps=300&run=sgd:lr=1"));

        FinishedRun run = table.shown();
        assertThat(run.status().kind()).isEqualTo(RunStatus.Kind.DIVERGED);
        assertThat(table.status.getText()).isEqualTo(run.status().reason()).startsWith("diverged at step");
        GridTester<?, Integer> grid = test(table.grid);
        assertThat(grid.size()).isEqualTo(run.trajectory().size());
        for (int i = 0; i < grid.size(); i++) {
            assertThat(row(grid, i)).noneMatch(cell -> cell.contains("NaN") || cell.contains("Infinity"));
        }
    }

    @Test
    void aLongRunIsListedWholeAndGoToStepScrollsThere() {
        StepTable table = openStepTable(open("surface=rosenbrock&steps=100000&run=sgd:lr=0.0001"));
        GridTester<?, Integer> grid = test(table.grid);

        assertThat(grid.size()).isEqualTo(100_001);
        assertThat(grid.getCellText(100_000, T)).isEqualTo("100000");
        assertThat(grid.getCellText(100_000, X)).isEqualTo(StepTable.cell(table.shown().trajectory().x(100_000)));

        test(table.goTo).setValue(54_321);
        assertThat(grid.getSelected()).containsExactly(54_321);
    }

    private static java.util.List<String> row(GridTester<?, Integer> grid, int row) {
        return java.util.stream.IntStream.rangeClosed(T, LRY).mapToObj(c -> grid.getCellText(row, c)).toList();
    }
}
