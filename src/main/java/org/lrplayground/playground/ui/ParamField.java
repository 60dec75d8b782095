package org.lrplayground.playground.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.dom.Element;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.param.Param;

/**
 * The form field generated from one {@link Param}: a text field (plus a log-scale slider for
 * lr-like parameters) or a checkbox, validated by the parameter itself as the user types. Its
 * value is the run format's text, so the form and the address bar speak the same language.
 */
class ParamField extends Composite<Div> {

    /** The slider of a log-scale field spans 10^LOG_MIN … 10^LOG_MAX. */
    private static final double LOG_MIN = -6, LOG_MAX = 2;

    private final Param param;
    private final TextField text;
    private final Checkbox check;
    private final Element slider;
    private final Runnable onChange;
    private double shownDefault;

    ParamField(Param param, Param.Context context, Runnable onChange) {
        this.param = param;
        this.onChange = onChange;
        shownDefault = param.defaultValue(context);
        Div root = getContent();
        root.addClassName("param-field");
        if (param.kind() == Param.Kind.BOOLEAN) {
            check = new Checkbox(param.name(), shownDefault != 0);
            check.setTooltipText(param.help());
            check.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    onChange.run();
                }
            });
            text = null;
            slider = null;
            root.add(check);
            return;
        }
        check = null;
        text = new TextField(param.name());
        text.setHelperText(param.help());
        text.setValue(param.format(shownDefault));
        text.addThemeVariants(TextFieldVariant.SMALL);
        // Wide enough for the longest PyTorch names (initial_accumulator_value) to stay readable.
        text.setWidth(Math.max(8, 0.62 * param.name().length() + 1) + "em");
        text.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                validate();
                syncSlider();
                onChange.run();
            }
        });
        root.add(text);
        if (param.logScale()) {
            slider = new Element("input");
            slider.setAttribute("type", "range");
            slider.setAttribute("min", Double.toString(LOG_MIN));
            slider.setAttribute("max", Double.toString(LOG_MAX));
            slider.setAttribute("step", "0.01");
            slider.setAttribute("aria-label", param.name() + " on a log scale");
            slider.setAttribute("title", param.name() + " on a log scale: 10⁻⁶ … 100");
            slider.getStyle().set("width", "9em").set("display", "block");
            // While dragged the scene follows (at most every 80 ms), and once more where it is let go.
            slider.addEventListener("input", e -> slid(e.getEventData().get("element.value").asDouble()))
                    .addEventData("element.value").throttle(80);
            slider.addEventListener("change", e -> slid(e.getEventData().get("element.value").asDouble()))
                    .addEventData("element.value");
            root.getElement().appendChild(slider);
            syncSlider();
        } else {
            slider = null;
        }
    }

    /** The slider stands at 10^{@code exponent}: the field takes that value, rounded as people read rates. */
    private void slid(double exponent) {
        String value = param.format(Math.min(param.max(), RunEditor.round(Math.pow(10, exponent))));
        if (!value.equals(text.getValue())) {
            text.setValue(value);
            validate();
            onChange.run();
        }
    }

    Param param() {
        return param;
    }

    /** The value in the run format, e.g. {@code 0.05} or {@code true}. */
    String text() {
        return check != null ? param.format(check.getValue() ? 1 : 0) : text.getValue().trim();
    }

    void setText(String value) {
        if (check != null) {
            check.setValue("true".equals(value));
        } else {
            text.setValue(value);
            validate();
            syncSlider();
        }
    }

    /** Whether the field's own check passes. */
    boolean isValid() {
        return check != null || error() == null;
    }

    /** Shows an error found elsewhere (a combination of values); null clears it. */
    void showError(String message) {
        if (text != null) {
            text.setInvalid(message != null);
            text.setErrorMessage(message);
        }
    }

    /**
     * The run's lr or steps changed: a field still showing the default it had follows the new
     * default (T_max = steps, max_lr = lr).
     */
    void setContext(Param.Context context) {
        double next = param.defaultValue(context);
        if (next == shownDefault) {
            return;
        }
        if (text().equals(param.format(shownDefault))) {
            setText(param.format(next));
        }
        shownDefault = next;
    }

    /** The text field, null for a checkbox (for tests that type like a user). */
    TextField textField() {
        return text;
    }

    private String error() {
        try {
            param.parse(text.getValue().trim());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private void validate() {
        showError(error());
    }

    private void syncSlider() {
        if (slider == null) {
            return;
        }
        try {
            double v = Numbers.parse(text.getValue().trim());
            if (v > 0) {
                slider.setProperty("value", Math.max(LOG_MIN, Math.min(LOG_MAX, Math.log10(v))));
            }
        } catch (NumberFormatException e) {
            // The text field shows the problem; the slider keeps its place.
        }
    }
}
