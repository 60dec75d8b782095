package org.lrplayground.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.optim.Optimizers;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.Trajectory;
import org.lrplayground.engine.schedule.Schedules;
import org.lrplayground.engine.surface.Surfaces;
import org.lrplayground.lessons.Lessons;
import org.lrplayground.link.PageLink;
import org.lrplayground.link.PageOptions;

/**
 * "A link made today still opens after the next release": {@code links/v1.txt} holds links as
 * this version wrote them, each with how its runs ended. Every later build must open each of them
 * without a note and replay the same scene: the same normalised link, and every run ending with the
 * same status at the same point.
 *
 * <p>The file is append-only. When a method or lesson is added, run with {@code -Dlinks.record=true}
 * to append links for it; entries already there are never rewritten. If an entry fails, a change
 * broke links people have shared: fix the change, don't re-record.
 */
class LinksLastTest {

    private static final Path CORPUS = Path.of("src/test/resources/links/v1.txt");

    @Test
    void everyRecordedLinkOpensWithoutNotesAndReplaysTheSameScene() throws IOException {
        Map<String, List<String>> recorded = read();
        assertThat(recorded).as("the corpus %s", CORPUS).isNotEmpty();
        recorded.forEach((link, outcome) -> {
            PageLink.Opened opened = PageLink.open(link);
            assertThat(opened.notes()).as(link).isEmpty();
            assertThat(PageLink.format(opened.spec(), opened.options())).as("normalised again").isEqualTo(link);
            assertThat(outcome(opened.spec())).as(link).isEqualTo(outcome);
        });
    }

    @Test
    void theCorpusCoversEveryOptimizerScheduleSurfaceAndLesson() throws IOException {
        Map<String, List<String>> recorded = read();
        List<String> missing = current().stream().filter(link -> !recorded.containsKey(link)).toList();
        if (!missing.isEmpty() && Boolean.getBoolean("links.record")) {
            StringBuilder out = new StringBuilder();
            for (String link : missing) {
                out.append(link).append('\n');
                outcome(PageLink.open(link).spec()).forEach(line -> out.append("  ").append(line).append('\n'));
            }
            Files.writeString(CORPUS, Files.readString(CORPUS) + out);
            return;
        }
        assertThat(missing).as("links of this version not yet in %s (run with -Dlinks.record=true)", CORPUS).isEmpty();
    }

    /**
     * Links this version makes: one per lesson, and a run for each optimizer, schedule and surface, paired
     * round-robin so that each appears at least once, plus one with a custom surface and every link option.
     */
    private static List<String> current() {
        List<String> links = new ArrayList<>();
        Lessons.ALL.forEach(l -> links.add(l.link()));
        int n = Math.max(Optimizers.ALL.size(), Math.max(Schedules.ALL.size(), Surfaces.ALL.size()));
        for (int i = 0; i < n; i++) {
            String query = "surface=" + Surfaces.ALL.get(i % Surfaces.ALL.size()).id() + "&steps=300&run="
                    + Optimizers.ALL.get(i % Optimizers.ALL.size()).id() + ":sched=" + Schedules.ALL.get(i % Schedules.ALL.size()).id();
            links.add(PageLink.format(RunFormat.parse(query), PageOptions.NONE));
        }
        RunSpec custom = RunFormat.parse("surface=custom&f=" + "x^2%2B3*sin(y)^2" + "&box=-3,3,-3,3&start=2,1.5&steps=200"
                + "&noise=0.1&seed=7&run=adam:lr=0.1&run=rmsprop:lr=0.01,sched=cosine");
        links.add(PageLink.format(custom, new PageOptions(true, List.of("problem", "runs"), "instant", true, "", "")));
        return links;
    }

    /** How each run ended, to 9 significant digits: a replay that differs shows a different scene. */
    private static List<String> outcome(RunSpec spec) {
        Race race = Race.run(spec);
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < spec.runs().size(); r++) {
            Trajectory t = race.trajectory(r);
            int last = t.size() - 1;
            lines.add(String.format(Locale.ROOT, "run %d: %s after %d points at (%.9g, %.9g), loss %.9g", r + 1,
                    race.status(r).kind(), t.size(), t.x(last), t.y(last), t.loss(last)));
        }
        return lines;
    }

    /** The corpus: a link per line, its runs' outcomes on the indented lines below it. */
    private static Map<String, List<String>> read() throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String link = null;
        for (String line : Files.readAllLines(CORPUS)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("  ")) {
                out.get(link).add(line.substring(2));
            } else {
                link = line;
                out.put(link, new ArrayList<>());
            }
        }
        return out;
    }
}
