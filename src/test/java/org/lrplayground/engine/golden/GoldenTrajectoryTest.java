package org.lrplayground.engine.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.engine.run.Trajectory;

/**
 * Replays the golden trajectories of {@code src/test/resources/golden}, made with TensorFlow.js
 * (see the README.md there), and requires our engine to follow every step of each.
 *
 * <p>Tolerances. tfjs computes in float32 (unit roundoff 6e-8) and so do its autodiff gradients;
 * near a minimum their cancellation costs digits, and tfjs's Adam takes its bias correction
 * 1 − β₂ᵗ from a float32 running product of β₂, which loses about three more digits in early steps
 * (1 − 0.999ᵗ ≈ 0.001·t). The run carries these errors along. Measured against our double
 * precision engine, the largest position deviation is 3.7e-5 (Adam on Booth), 5e-6 for Adam
 * elsewhere and under 2e-6 for every other method; the loss of the surface at tfjs's own points
 * deviates by at most 1.6e-6. Small convention slips still fail: dampening 0.01, no initial
 * accumulator, or AMSGrad instead of Adam move the trajectory by 8.7e-4, 1.2e-3 and 1.9e-4.
 */
class GoldenTrajectoryTest {

    /** Allowed |ours − tfjs| for x and y, relative to max(1, |tfjs|). */
    static final double POSITION_TOLERANCE = 1e-4;
    /** Allowed |f(x, y) − tfjs's float32 f(x, y)| at tfjs's point, relative to max(1, |tfjs|). */
    static final double LOSS_TOLERANCE = 1e-5;

    record Golden(String file, String query, List<double[]> rows) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Golden> goldens() throws IOException, URISyntaxException {
        Path folder = Path.of(GoldenTrajectoryTest.class.getResource("/golden").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".csv")).sorted().map(GoldenTrajectoryTest::read).toList();
        }
    }

    /** A CSV with a {@code # query: } line, other {@code #} comments, the header and rows step,x,y,loss. */
    private static Golden read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            String query = lines.stream().filter(l -> l.startsWith("# query: ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(file + " has no '# query: ' line"))
                    .substring("# query: ".length());
            List<double[]> rows = lines.stream().filter(l -> !l.startsWith("#") && !l.startsWith("step,"))
                    .map(l -> Stream.of(l.split(",")).mapToDouble(Double::parseDouble).toArray()).toList();
            return new Golden(file.getFileName().toString(), query, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void engineFollowsTheGoldenTrajectoryStepByStep(Golden golden) {
        RunSpec spec = RunFormat.parse(golden.query());
        Race race = Race.run(spec);
        Trajectory ours = race.trajectory(0);

        assertThat(race.status(0).kind()).as("%s: status", golden.file()).isEqualTo(RunStatus.Kind.MAX_STEPS);
        assertThat(ours.size()).as("%s: points", golden.file()).isEqualTo(golden.rows().size());
        for (double[] row : golden.rows()) {
            int t = (int) row[0];
            assertClose(golden, t, "x", ours.x(t), row[1], POSITION_TOLERANCE);
            assertClose(golden, t, "y", ours.y(t), row[2], POSITION_TOLERANCE);
            assertClose(golden, t, "the loss at tfjs's point", spec.surface().value(row[1], row[2]), row[3], LOSS_TOLERANCE);
        }
    }

    private static void assertClose(Golden golden, int t, String what, double ours, double expected, double tolerance) {
        assertThat(Math.abs(ours - expected))
                .as("%s: %s at step %d is %s, tfjs has %s", golden.file(), what, t, ours, expected)
                .isLessThanOrEqualTo(tolerance * Math.max(1, Math.abs(expected)));
    }
}
