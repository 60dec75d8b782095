package org.lrplayground.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.optim.Optimizers;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.schedule.Schedules;
import org.lrplayground.engine.surface.Surface;
import org.lrplayground.engine.surface.Surfaces;
import org.lrplayground.lessons.Lesson;
import org.lrplayground.lessons.Lessons;

/**
 * README's tables of optimizers, schedules and surfaces are generated from the parameter
 * declarations, the one source of truth. This test fails when they drift; run it with
 * {@code -Dreadme.update=true} to rewrite the section.
 */
class ReadmeTablesTest {

    private static final String BEGIN = "<!-- GENERATED TABLES: ReadmeTablesTest writes this section from the parameter declarations. -->";
    private static final String END = "<!-- END GENERATED TABLES -->";

    @Test
    void readmeListsEveryMethodWithItsParameters() throws IOException {
        Path readme = Path.of("README.md");
        String text = Files.readString(readme);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("README has the generated-tables markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String expected = BEGIN + "\n" + tables() + END;
        String actual = text.substring(begin, end + END.length());
        if (!actual.equals(expected) && Boolean.getBoolean("readme.update")) {
            Files.writeString(readme, text.substring(0, begin) + expected + text.substring(end + END.length()));
            return;
        }
        assertThat(actual).as("README's generated tables (rerun with -Dreadme.update=true)").isEqualTo(expected);
    }

    static String tables() {
        return "\n### Optimizers (`run=<id>:<key>=<value>,…`)\n\n"
                + methods(Optimizers.ALL)
                + "\n### Schedules (`sched=<id>` and its keys, inside a `run=`)\n\n"
                + methods(Schedules.ALL)
                + "\n### Surfaces (`surface=<id>`)\n\n"
                + surfaces()
                + "\n### Lessons (each claim is asserted on the engine by `LessonsTest`)\n\n"
                + lessons()
                + "\n";
    }

    private static String methods(List<? extends Method<?>> methods) {
        StringBuilder out = new StringBuilder("| id | method | parameters (default, accepted range) |\n|---|---|---|\n");
        for (Method<?> m : methods) {
            out.append("| `").append(m.id()).append("` | ").append(cell(m.name() + ": " + m.summary()))
                    .append(" | ").append(m.params().isEmpty() ? "—" : m.params().stream()
                            .map(ReadmeTablesTest::describe).collect(Collectors.joining("<br>")))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** A default's text; computed defaults are told apart by evaluating them for two lrs and two step counts. */
    private static String describe(Param p) {
        double base = p.defaultValue(new Param.Context(1, 1000));
        String shown = p.format(base);
        if (p.defaultValue(new Param.Context(2, 1000)) != base) {
            shown = base == 1 ? "lr" : p.format(base) + "·lr";
        } else if (p.defaultValue(new Param.Context(1, 2000)) != base) {
            shown = p.format(base) + " for 1000 steps (scales with steps)";
        }
        return "`" + p.name() + "` = " + shown + " " + cell("(accepted: " + p.accepted() + "): " + p.help());
    }

    private static String surfaces() {
        StringBuilder out = new StringBuilder("| id | f(x, y) | default box | start | minima |\n|---|---|---|---|---|\n");
        for (Method<Surface> m : Surfaces.ALL) {
            Surface s = Surfaces.get(m.id());
            out.append("| `").append(m.id()).append("` | ").append(s.name()).append(": ").append(s.formula())
                    .append(m.params().isEmpty() ? "" : " (" + m.params().stream().map(ReadmeTablesTest::describe)
                            .collect(Collectors.joining("; ")) + ")")
                    .append(" | ").append(num(s.box().xMin())).append("…").append(num(s.box().xMax())).append(" × ")
                    .append(num(s.box().yMin())).append("…").append(num(s.box().yMax()))
                    .append(" | (").append(num(s.start().x())).append(", ").append(num(s.start().y())).append(")")
                    .append(" | ").append(s.minima().isEmpty() ? "none (unbounded below)" : s.minima().stream()
                            .map(mi -> "(" + round(mi.at().x()) + ", " + round(mi.at().y()) + ") → " + round(mi.value()))
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        return out.append("| `custom` | your expression `f=` in x and y (+ − * / ^, sin cos tan asin acos atan sinh cosh tanh exp log sqrt abs, min max pow, pi e; at most 500 characters) | `box=`, default −5…5 × −5…5 | a quarter in from a corner | searched on a grid, then polished |\n").toString();
    }

    private static String lessons() {
        StringBuilder out = new StringBuilder("| # | lesson | claim | preset |\n|---|---|---|---|\n");
        for (Lesson l : Lessons.ALL) {
            out.append("| ").append(l.number()).append(" | ").append(cell(l.title())).append(" | ").append(cell(l.claim()))
                    .append(" | [open](http://localhost:8080/?").append(linkSafe(l.preset() + "&lesson=" + l.id())).append(") |\n");
        }
        return out.toString();
    }

    /**
     * A raw (already percent-encoded) query that stays one Markdown link: the characters that end or
     * break a link target are escaped too.
     */
    private static String linkSafe(String query) {
        return query.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
                .replace("^", "%5E").replace("|", "%7C").replace("<", "%3C").replace(">", "%3E");
    }

    /** Table cells may not hold a bare '|' (AdaMax's |g|). */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String num(double v) {
        return Numbers.format(v);
    }

    private static String round(double v) {
        return Numbers.format(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", v)));
    }
}
