package org.lrplayground.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.Batch;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.surface.Box;
import org.lrplayground.engine.surface.Point;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The batch: 10 000 starts on a grid over the box × 1 000 steps of Adam on Rosenbrock, final
 * points only. One operation is one step of one start, so the scores read as steps per second and
 * compare directly with {@link TrajectoryBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BatchBench {

    static final int STARTS = 10_000;
    static final int STEPS = 1_000;

    /** Must run all {@link #STEPS} steps from every start (checked), or the per-step score would lie. */
    @Param("surface=rosenbrock&steps=1000&run=adam:lr=0.001")
    String query;

    RunSpec spec;
    List<Point> points;

    @Setup
    public void setUp() {
        spec = RunFormat.parse(query);
        int side = (int) Math.ceil(Math.sqrt(STARTS));
        Box box = spec.box();
        points = new ArrayList<>();
        for (int i = 0; points.size() < STARTS; i++) {
            // Cell centres, so that no start sits exactly on the minimum and converges at once.
            points.add(new Point(box.xMin() + box.width() * (i % side + 0.5) / side,
                    box.yMin() + box.height() * (i / side + 0.5) / side));
        }
        long done = Batch.run(spec, spec.runs().get(0), points, false).totalSteps();
        if (done != (long) STARTS * STEPS) {
            throw new IllegalStateException(query + " does " + done + " steps instead of " + STARTS + " × " + STEPS);
        }
    }

    @Benchmark
    @OperationsPerInvocation(STARTS * STEPS)
    public Batch oneThread() {
        return Batch.run(spec, spec.runs().get(0), points, false);
    }

    @Benchmark
    @OperationsPerInvocation(STARTS * STEPS)
    public Batch allCores() {
        return Batch.runParallel(spec, spec.runs().get(0), points, false);
    }

    /** A lane block for the fused structure-of-arrays loop: sized to stay in the L2 cache. */
    static final int SOA_BLOCK = 1024;

    /**
     * What a structure-of-arrays batch could reach: {@link FusedAdam#runLanes} (vectorisable, no
     * status checks, final points only) over the same starts, in blocks of {@link #SOA_BLOCK}.
     */
    @Benchmark
    @OperationsPerInvocation(STARTS * STEPS)
    public double fusedStructureOfArrays() {
        double sum = 0;
        for (int from = 0; from < STARTS; from += SOA_BLOCK) {
            int n = Math.min(SOA_BLOCK, STARTS - from);
            double[] x = new double[n], y = new double[n], loss = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = points.get(from + i).x();
                y[i] = points.get(from + i).y();
            }
            FusedAdam.runLanes(x, y, loss, 0.001, STEPS);
            sum += loss[0];
        }
        return sum;
    }
}
