package org.lrplayground.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.engine.surface.Point;

class BasinsTest {

    @Test
    void sgdOnHimmelblauFindsItsFourMinimaEachWithAPlausibleShare() {
        RunSpec scene = RunFormat.parse("surface=himmelblau&steps=1000&run=sgd:lr=0.005");

        Basins basins = Basins.of(scene, 0, 40);

        assertThat(basins.grid()).isEqualTo(40);
        assertThat(basins.cells()).hasSize(1600);
        assertThat(basins.minima()).extracting(Basins.Basin::at).containsExactlyElementsOf(
                scene.surface().minima().stream().map(m -> m.at()).toList());
        double total = basins.minima().stream().mapToDouble(Basins.Basin::share).sum();
        assertThat(total).isLessThanOrEqualTo(1);
        // The four basins are of similar size: each well over a tenth of the box.
        assertThat(basins.minima()).allSatisfy(b -> assertThat(b.share()).isGreaterThan(0.1));
        for (int k = 0; k < 4; k++) {
            int index = k;
            long cells = basins.cells().stream().filter(c -> c.minimum() == index).count();
            assertThat(cells / 1600.0).isEqualTo(basins.minima().get(k).share());
        }
    }

    @Test
    void cellsRunRowByRowFromTheLowerLeftAndEndAsTheirOwnRaces() {
        RunSpec scene = RunFormat.parse("surface=himmelblau&steps=300&run=sgd:lr=0.05");

        Basins basins = Basins.of(scene, 0, 5);

        Basins.Cell first = basins.cells().get(0);
        assertThat(first.x0()).isEqualTo(-4);
        assertThat(first.y0()).isEqualTo(-4);
        assertThat(basins.cells().get(1).x0()).isEqualTo(-2);
        assertThat(basins.cells().get(5).y0()).isEqualTo(-2);
        for (Basins.Cell cell : basins.cells()) {
            Race race = Race.run(new RunSpec(scene.surface(), scene.surfaceValues(), scene.box(),
                    new Point(cell.x0(), cell.y0()), scene.steps(), 0, 0, 1, scene.runs()));
            RunStatus status = race.status(0);
            assertThat(cell.status()).isEqualTo(status.kind());
            assertThat(cell.steps()).isEqualTo(status.step());
            if (status.kind() == RunStatus.Kind.CONVERGED) {
                Point end = new Point(race.trajectory(0).x(race.trajectory(0).size() - 1),
                        race.trajectory(0).y(race.trajectory(0).size() - 1));
                assertThat(end.distanceTo(basins.minima().get(cell.minimum()).at())).isLessThan(1e-6);
            } else {
                assertThat(cell.minimum()).isEqualTo(-1);
            }
        }
        // lr 0.05 is too large for Himmelblau's steep corners.
        assertThat(basins.cells()).anyMatch(c -> c.status() == RunStatus.Kind.DIVERGED && Double.isFinite(c.finalLoss()));
    }

    @Test
    void aSurfaceWithoutMinimaHasNoBasins() {
        Basins basins = Basins.of(RunFormat.parse("surface=saddle&steps=200&run=adam:lr=0.05"), 0, 8);

        assertThat(basins.minima()).isEmpty();
        assertThat(basins.cells()).allSatisfy(c -> {
            assertThat(c.minimum()).isEqualTo(-1);
            assertThat(c.status()).isEqualTo(RunStatus.Kind.LEFT_BOX);
        });
    }

    @Test
    void onlyMinimaInsideTheBoxCount() {
        Basins basins = Basins.of(RunFormat.parse("surface=himmelblau&box=0,5,0,5&steps=500&run=sgd:lr=0.005"), 0, 10);

        assertThat(basins.minima()).extracting(Basins.Basin::at).containsExactly(new Point(3, 2));
        assertThat(basins.minima().get(0).share()).isGreaterThan(0.5);
    }

    @Test
    void theGridAndTheRunMustExist() {
        RunSpec scene = RunFormat.parse("surface=himmelblau&run=sgd&run=adam");
        for (int grid : List.of(0, 301, -3)) {
            assertThatThrownBy(() -> Basins.of(scene, 0, grid)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("whole numbers 1 to 300");
        }
        assertThatThrownBy(() -> Basins.of(scene, 2, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runs 0 to 1");
        assertThat(Basins.of(scene, 1, 1).cells()).singleElement()
                .satisfies(c -> assertThat(new Point(c.x0(), c.y0())).isEqualTo(new Point(0, 0)));
    }
}
