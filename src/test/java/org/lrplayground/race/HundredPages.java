package org.lrplayground.race;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.RunSpec;

/**
 * A hundred pages, each with the largest scene allowed (12 runs × 100 000 steps, a seed of its own so
 * that none shares another's race), on the service the application uses (half the heap for races).
 * Run by {@link RaceHeapBoundTest} in a JVM of its own with a 1 GB heap. Prints one line per case:
 * how many pages got their whole race and how many the busy message, and the heap after a full GC.
 *
 * <p>The pages here are the service's watchers with a sink that counts the points delivered and lets
 * the frame go, as a page does once it has drawn it; what a browser's UI keeps besides is not in it.
 */
final class HundredPages {

    static final int PAGES = 100;

    private HundredPages() {
    }

    public static void main(String[] args) {
        RaceService service = new RaceService();
        try {
            // One after another, each keeping its page open: a delivered race lets its trajectories go.
            List<RaceService.Playback> open = new ArrayList<>();
            AtomicLong points = new AtomicLong();
            int shown = 0;
            int refused = 0;
            for (int page = 0; page < PAGES; page++) {
                try {
                    RaceService.Playback playback = service.watch(scene(page), f -> f.runs()
                            .forEach(r -> points.addAndGet(r.points().size())));
                    open.add(playback);
                    playback.finish();
                    shown++;
                } catch (RaceService.BusyException e) {
                    refused++;
                }
            }
            System.out.printf("one after another: %d shown, %d refused, %d points delivered, %.0f MB used after GC%n",
                    shown, refused, points.get(), usedMegabytes());
            open.forEach(RaceService.Playback::close);

            // All at once: every page opens its scene, then they all run; each either races or is told why not.
            open.clear();
            shown = 0;
            refused = 0;
            String message = "";
            for (int page = 0; page < PAGES; page++) {
                try {
                    open.add(service.watch(scene(PAGES + page), f -> {
                    }));
                } catch (RaceService.BusyException e) {
                    refused++;
                    message = e.getMessage();
                }
            }
            for (RaceService.Playback playback : open) {
                playback.finish();
                shown += playback.finished() ? 1 : 0;
            }
            System.out.printf("all at once: %d shown, %d refused (%s), %.0f MB used after GC%n", shown, refused, message,
                    usedMegabytes());
            open.forEach(RaceService.Playback::close);
            System.out.printf("closed: %d streams, %d bytes held%n", service.streams(), service.heldBytes());
        } finally {
            service.destroy();
        }
    }

    private static RunSpec scene(int page) {
        StringBuilder query = new StringBuilder("surface=rosenbrock&steps=" + RunSpec.MAX_STEPS + "&seed=" + page + "&noise=0.01");
        for (int r = 0; r < RunSpec.MAX_RUNS; r++) {
            query.append("&run=sgd:lr=").append(0.0001 * (r + 1));
        }
        return RunFormat.parse(query.toString());
    }

    private static double usedMegabytes() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
    }
}
