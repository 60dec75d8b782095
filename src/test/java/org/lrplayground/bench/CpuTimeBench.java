package org.lrplayground.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The comparison of {@link TrajectoryBench#adamRosenbrock}, {@link BatchBench#oneThread} and
 * {@link BatchBench#fusedStructureOfArrays} in steps per second of the measuring thread's CPU time,
 * best of many rounds, for a machine that other work loads: JMH's wall-clock scores then measure
 * the share of the cores the neighbours leave, while CPU time counts only the time this thread ran.
 * (Neighbours still share the caches, so these are a little low, never high.)
 *
 * <p>Usage: {@code CpuTimeBench [rounds]} on the test classpath, one thread.
 */
public final class CpuTimeBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTimeBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        TrajectoryBench trajectory = new TrajectoryBench();
        TrajectoryBench.AdamRosenbrock adam = new TrajectoryBench.AdamRosenbrock();
        adam.adamQuery = "surface=rosenbrock&run=adam:lr=0.001";
        adam.setUp();
        BatchBench batch = new BatchBench();
        batch.query = "surface=rosenbrock&steps=1000&run=adam:lr=0.001";
        batch.setUp();
        long batchSteps = (long) BatchBench.STARTS * BatchBench.STEPS;
        for (int round = 0; round < rounds; round++) {
            double one = best(TrajectoryBench.STEPS, 100, () -> trajectory.adamRosenbrock(adam));
            double many = best(batchSteps, 5, () -> batch.oneThread());
            double fused = best(batchSteps, 5, () -> batch.fusedStructureOfArrays());
            System.out.printf("M steps per CPU-second: one trajectory %.1f, batch %.1f (%.2f ×), fused SoA %.1f (batch at %.0f %%)%n",
                    one / 1e6, many / 1e6, many / one, fused / 1e6, 100 * many / fused);
        }
    }

    /** The most steps per CPU-second of {@code times} runs of {@code work}, which does {@code steps} steps. */
    private static double best(long steps, int times, Runnable work) {
        double best = 0;
        for (int k = 0; k < times; k++) {
            long start = THREADS.getCurrentThreadCpuTime();
            work.run();
            best = Math.max(best, steps / ((THREADS.getCurrentThreadCpuTime() - start) / 1e9));
        }
        return best;
    }
}
