package org.lrplayground.playground.ui;

import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.run.RunSpec;

/** The form as a whole: the problem panel and the run cards read as one run-format query, errors shown where they belong. */
final class SpecForm {

    private final ProblemPanel problem;
    private final RunsPanel runs;
    private final Span message;
    private boolean valid;

    SpecForm(ProblemPanel problem, RunsPanel runs, Span message) {
        this.problem = problem;
        this.runs = runs;
        this.message = message;
    }

    /** Whether the last {@link #build} succeeded. */
    boolean valid() {
        return valid;
    }

    /** The steps the form asks for, or those of {@code previous} (or the default) while the field is invalid. */
    int steps(RunSpec previous) {
        try {
            return RunFormat.STEPS.checkInt(Numbers.parse(problem.steps.text()));
        } catch (IllegalArgumentException e) {
            return previous != null ? previous.steps() : (int) RunFormat.STEPS.defaultValue(Param.Context.NONE);
        }
    }

    /** The spec of the form, or null with the errors shown at their fields. */
    RunSpec build() {
        valid = false;
        problem.clearErrors();
        runs.runs.forEach(RunEditor::clearErrors);
        message.setText("");
        if (!problem.fieldsValid() || !runs.fieldsValid()) {
            message.setText("Fix the marked fields to update the race.");
            return null;
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        problem.addTo(query);
        query.put("run", runs.texts());
        try {
            RunSpec spec = RunFormat.parse(query);
            valid = true;
            return spec;
        } catch (FormatException e) {
            if (e.run() >= 0 && e.run() < runs.runs.size()) {
                runs.runs.get(e.run()).showError(e.key(), e.getMessage());
            } else if (e.run() != FormatException.TOP_LEVEL || !problem.showError(e.key(), e.getMessage())) {
                message.setText(e.getMessage());
            }
            if (message.getText().isEmpty()) {
                message.setText("Fix the marked fields to update the race.");
            }
            return null;
        }
    }

    /** A clicked coordinate to a thousandth of the box size, which keeps links short. */
    static double round(double v, RunSpec spec) {
        int exponent = (int) Math.floor(Math.log10(Math.max(spec.box().width(), spec.box().height()))) - 3;
        return BigDecimal.valueOf(Math.round(v / Math.pow(10, exponent))).scaleByPowerOfTen(exponent).doubleValue();
    }
}
