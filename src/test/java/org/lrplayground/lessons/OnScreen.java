package org.lrplayground.lessons;

import java.util.List;
import java.util.Map;

/**
 * The number each lesson's claim turns on, as its panel's measured line prints it: LessonsTest
 * checks the engine measures it, LessonClaimsIT that the browser shows it.
 */
public final class OnScreen {

    private OnScreen() {
    }

    public static final Map<String, List<String>> KEY_NUMBERS = Map.ofEntries(
            Map.entry("too-small-too-large", List.of("lr = 0.045 diverges at step 70")),
            Map.entry("momentum", List.of("SGD is 1.371 from the minimum, PyTorch momentum 1.703e-4")),
            Map.entry("adagrad-shrinks", List.of("rises at 0 of its 3000 steps",
                    "Adagrad ends 1.318 from (1, 1), RMSProp 0.04309")),
            Map.entry("rmsprop-recovers", List.of("then climbs to 0.137 (66.62×)", "(46.19× farther)")),
            Map.entry("adam-bias-correction", List.of("3.162× larger")),
            Map.entry("eve", List.of("Eve's d sinks from 1 to 0.2248")),
            Map.entry("banana-valley", List.of("catapulted to a loss of 511 at step 3", "0.5627 from (1, 1)")),
            Map.entry("warm-restarts", List.of("warm restarts converge at step 245, at a loss of -1.81")),
            Map.entry("himmelblau-starts", List.of("(1, 1) → (3, 2), (-1, 1) → (-2.805, 3.131), "
                    + "(-1, -1) → (-3.779, -3.283), (1, -1) → (3.584, -1.848)")),
            Map.entry("spreadsheet", List.of("after five epochs (step 150) SGD's b is 1.238 and Adam's 23.7",
                    "442.3× closer")),
            Map.entry("error-following", List.of("Polyak converges at step 71", "43.56× its start",
                    "diverges at step 4")),
            Map.entry("infrequent-parameters", List.of("Adagrad's effective rate for b is 2.854× its rate for a")),
            Map.entry("adagrad-steps", List.of("moves x by 0.5 and y by 0.5, though y's gradient is 20× x's",
                    "converges at step 172")),
            Map.entry("how-local", List.of("from 49.02 % of the box", "momentum from 63.4 %", "6.38 % of its starts")),
            Map.entry("fair-race", List.of("Adam ends at f − f* = 9.9", "best lr 0.0316, 0.01 and 0.1", "Adam converges at step 373")));
}
