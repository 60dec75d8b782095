package org.lrplayground.playground.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.lrplayground.race.RaceService;

/** The speeds the playground plays at, by the names links use ({@code speed=<name>}). */
enum Speed {
    S1("1", "1 step/s", 1), S10("10", "10 steps/s", 10), S100("100", "100 steps/s", 100),
    S1000("1000", "1,000 steps/s", 1000), S10000("10000", "10,000 steps/s", 10_000),
    INSTANT("instant", "Instant", RaceService.INSTANT);

    static final Speed DEFAULT = S100;

    final String id;
    final String label;
    final double stepsPerSecond;

    Speed(String id, String label, double stepsPerSecond) {
        this.id = id;
        this.label = label;
        this.stepsPerSecond = stepsPerSecond;
    }

    /** The speed a link names ({@code ""}: the default); an unknown one is noted and the default used. */
    static Speed ofLink(String id, List<String> notes) {
        if (id.isEmpty()) {
            return DEFAULT;
        }
        Optional<Speed> named = Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
        if (named.isEmpty()) {
            notes.add("ignored speed " + id + ": no such speed; accepted: "
                    + String.join(", ", Arrays.stream(values()).map(s -> s.id).toList()));
        }
        return named.orElse(DEFAULT);
    }
}
