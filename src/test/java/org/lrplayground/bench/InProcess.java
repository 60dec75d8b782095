package org.lrplayground.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lrplayground.Application;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the browser benchmarks share: the application started in this JVM (production mode, random
 * port), Debian's Chromium launched through Playwright as the browser tests launch it, the server's
 * CPU time without the benchmark's own client threads, and used heap after full GCs.
 */
final class InProcess {

    private static final Path CHROMIUM = Path.of(System.getProperty("browser.executable", "/usr/bin/chromium"));
    /** As the browser tests launch it (BrowserExtension). */
    static final List<String> CHROMIUM_ARGS = List.of(
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");
    /**
     * Names of the benchmark's own threads besides main and Playwright's: those it names itself,
     * and java.net.http's selector threads.
     */
    static final String CLIENT_THREAD = "bench-";
    private static final String HTTP_CLIENT_THREAD = "HttpClient-";

    private InProcess() {
    }

    /** The application in production mode on a random port, logging warnings only. */
    static ConfigurableApplicationContext startApp() {
        return SpringApplication.run(Application.class, "--server.port=0", "--vaadin.productionMode=true",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN");
    }

    static String baseUrl(ConfigurableApplicationContext app) {
        return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    /** Playwright that never downloads a browser. */
    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(CHROMIUM_ARGS));
    }

    /**
     * CPU time of this JVM (GC and JIT included) less the benchmark's own client: see {@link #serverSecondsSince}.
     *
     * @param process nanoseconds of the whole process
     * @param client  nanoseconds of the client's threads
     * @param jit     nanoseconds of the JIT compiler threads (0 where /proc is missing)
     */
    record Cpu(long process, long client, long jit) {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        static Cpu now() {
            return new Cpu(OS.getProcessCpuTime(), clientCpu(), compilerCpu());
        }

        static int cores() {
            return OS.getAvailableProcessors();
        }

        /** Seconds of CPU the server used since {@code start}. */
        double serverSecondsSince(Cpu start) {
            return since(start).seconds();
        }

        /** The server's CPU seconds since {@code start}, and the JIT compiler threads' part of them. */
        record Used(double seconds, double jitSeconds) {
        }

        Used since(Cpu start) {
            return new Used((process - start.process - (client - start.client)) / 1e9, (jit - start.jit) / 1e9);
        }

        /** CPU time of the JVM's compiler threads ("C1 CompilerThre…", "C2 CompilerThre…" in /proc), in ns. */
        private static long compilerCpu() {
            Path tasks = Path.of("/proc/self/task");
            long ticks = 0;
            try (var dirs = Files.newDirectoryStream(tasks)) {
                for (Path task : dirs) {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.contains("CompilerThre")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    }
                }
            } catch (IOException | RuntimeException e) {
                return 0; // no /proc (not Linux), or a thread ended while being read: count no JIT
            }
            return ticks * 10_000_000L; // clock ticks of 1/100 s
        }


        /**
         * The client: the main thread (Playwright's calls and event listeners run there), the pipe
         * threads of Playwright's driver connection, and the benchmark's HTTP client and scheduler
         * threads. A client thread that ends between two readings takes its CPU time with it, so the
         * benchmarks keep theirs alive while they measure.
         */
        private static long clientCpu() {
            long sum = 0;
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                String name = thread.getName();
                if (name.equals("main") || name.startsWith(CLIENT_THREAD) || name.startsWith(HTTP_CLIENT_THREAD)
                        || thread.getClass().getName().startsWith("com.microsoft.playwright")) {
                    sum += Math.max(0, THREADS.getThreadCpuTime(thread.threadId()));
                }
            }
            return sum;
        }
    }

    /** Used heap after full collections, repeated until it stops shrinking (finalizers, soft caches). */
    static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return used;
            }
            used = now;
        }
        return used;
    }
}
