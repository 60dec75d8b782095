package org.lrplayground.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The races' memory has a bound: {@link HundredPages} on a 1 GB heap, in a JVM of its own. */
class RaceHeapBoundTest {

    @Test
    void aHundredPagesWithTheLargestSceneOnAOneGigabyteHeapEachGetTheirRaceOrTheBusyMessage()
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx1g", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), HundredPages.class.getName()))
                .redirectErrorStream(true).start();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            process.destroyForcibly();
        }
        System.out.print(out);

        assertThat(ended).as("ended within 120 s: %s", out).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).contains("one after another: 100 shown, 0 refused");
        assertThat(out).containsPattern("all at once: (\\d+) shown, (\\d+) refused \\(the server is busy");
        assertThat(out).contains("closed: 0 streams, 0 bytes held");
    }
}
