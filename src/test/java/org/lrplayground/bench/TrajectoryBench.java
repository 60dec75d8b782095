package org.lrplayground.bench;

import java.util.concurrent.TimeUnit;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.RunStatus;
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
 * Steps per second of one recorded trajectory (x, y, loss, gradient, effective lr per point) through
 * the engine's {@link Race}, against a hand-fused Adam-on-Rosenbrock loop as the practical limit.
 * One operation is one optimizer step, so the scores read as steps per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TrajectoryBench {

    static final int STEPS = 10_000;

    /** A spec that must run every one of its {@link #STEPS} steps, or the per-step score would lie. */
    static RunSpec spec(String query) {
        RunSpec spec = RunFormat.parse(query + "&steps=" + STEPS);
        Race race = Race.run(spec);
        if (race.status(0).kind() != RunStatus.Kind.MAX_STEPS) {
            throw new IllegalStateException(query + " ends early (" + race.status(0).reason() + "); pick one that runs all steps");
        }
        return spec;
    }

    @State(Scope.Thread)
    public static class AdamRosenbrock {
        /** lr 0.001 (the default): larger rates converge (|g| &lt; 1e-8) before the last step. */
        @Param("surface=rosenbrock&run=adam:lr=0.001")
        String adamQuery;
        RunSpec spec;

        @Setup
        public void setUp() {
            spec = spec(adamQuery);
        }
    }

    @State(Scope.Thread)
    public static class SgdRavine {
        /** η κ = 0.05 &lt; 2: stable, and slow enough along x that no run converges within the steps. */
        @Param("surface=ravine&kappa=50&run=sgd:lr=0.001")
        String sgdQuery;
        RunSpec spec;

        @Setup
        public void setUp() {
            spec = spec(sgdQuery);
        }
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Race adamRosenbrock(AdamRosenbrock s) {
        return Race.run(s.spec);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Race sgdRavine(SgdRavine s) {
        return Race.run(s.spec);
    }

    /** The fused loop writes into arrays allocated once, as a caller reusing its buffers would. */
    @State(Scope.Thread)
    public static class Fused {
        final double[] x = new double[STEPS + 1];
        final double[] y = new double[STEPS + 1];
        final double[] loss = new double[STEPS + 1];

        @Setup
        public void check() {
            FusedAdam.run(-1.5, 2, 0.001, STEPS, x, y, loss);
            Race race = Race.run(RunFormat.parse("surface=rosenbrock&run=adam:lr=0.001&steps=" + STEPS));
            if (race.trajectory(0).x(STEPS) != x[STEPS] || race.trajectory(0).y(STEPS) != y[STEPS]) {
                throw new IllegalStateException("the fused loop no longer computes what the engine computes");
            }
        }
    }

    /** The practical limit. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double fusedAdamRosenbrock(Fused s) {
        return FusedAdam.run(-1.5, 2, 0.001, STEPS, s.x, s.y, s.loss);
    }
}
