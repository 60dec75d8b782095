package org.lrplayground.playground.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.surface.Box;
import org.lrplayground.engine.surface.Surface;
import org.lrplayground.engine.surface.Surfaces;

/**
 * The problem: surface (or a custom expression), its parameters, plot box, start point, steps,
 * noise, seed and mini-batch size. It writes the top-level keys of the run format; fields left
 * blank take the surface's defaults, which are filled in once the spec is built.
 */
class ProblemPanel extends Composite<Div> {

    final Select<String> surface = new Select<>();
    private final Span formula = new Span();
    final TextField expression = new TextField("f(x, y)");
    private final FlexLayout surfaceFields = new FlexLayout();
    private final List<ParamField> surfaceParams = new ArrayList<>();
    final TextField startX = number("start x");
    final TextField startY = number("start y");
    private final TextField[] box = {number("x min"), number("x max"), number("y min"), number("y max")};
    final ParamField steps;
    final ParamField noise;
    final ParamField seed;
    final ParamField batch;
    private final Runnable onChange;

    ProblemPanel(Runnable onChange) {
        this.onChange = onChange;
        Div root = getContent();
        root.addClassName("problem-panel");
        List<String> ids = new ArrayList<>(Surfaces.ALL.stream().map(Method::id).toList());
        ids.add(RunFormat.CUSTOM);
        surface.setLabel("Surface");
        surface.setWidth("16em");
        surface.setItems(ids);
        surface.setItemLabelGenerator(id -> Surfaces.byId(id).map(Method::name).orElse("Custom expression"));
        surface.setValue(ids.get(0));
        surface.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                surfaceChosen();
                onChange.run();
            }
        });
        formula.addClassName("formula");
        expression.setPlaceholder("x^2 + 3*y^2");
        expression.setHelperText("an expression in x and y");
        expression.setWidthFull();
        expression.setValueChangeMode(ValueChangeMode.LAZY);
        expression.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onChange.run();
            }
        });
        for (TextField f : List.of(startX, startY, box[0], box[1], box[2], box[3])) {
            f.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    checkNumber(f);
                    onChange.run();
                }
            });
        }
        Param.Context none = Param.Context.NONE;
        steps = new ParamField(RunFormat.STEPS, none, onChange);
        noise = new ParamField(RunFormat.NOISE, none, onChange);
        seed = new ParamField(RunFormat.SEED, none, onChange);
        batch = new ParamField(RunFormat.BATCH, none, onChange);
        surfaceFields.addClassName("fields");
        FlexLayout start = new FlexLayout(startX, startY);
        start.addClassName("fields");
        FlexLayout runLength = new FlexLayout(steps, noise, seed, batch);
        runLength.addClassName("fields");
        FlexLayout boxFields = new FlexLayout(box);
        boxFields.addClassName("fields");
        Details boxDetails = new Details("Plot box", boxFields);
        root.add(new H2("Problem"), surface, formula, expression, surfaceFields, start, runLength, boxDetails);
        surfaceChosen();
    }

    /** Adds the panel's keys to a run-format query. */
    void addTo(Map<String, List<String>> query) {
        String id = surface.getValue();
        query.put("surface", List.of(id));
        if (id.equals(RunFormat.CUSTOM)) {
            query.put("f", List.of(expression.getValue()));
        }
        surfaceParams.forEach(f -> query.put(f.param().name(), List.of(f.text())));
        if (!startX.isEmpty() || !startY.isEmpty()) {
            query.put("start", List.of(startX.getValue().trim() + "," + startY.getValue().trim()));
        }
        if (java.util.Arrays.stream(box).anyMatch(f -> !f.isEmpty())) {
            query.put("box", List.of(String.join(",", java.util.Arrays.stream(box).map(f -> f.getValue().trim()).toList())));
        }
        query.put("steps", List.of(steps.text()));
        query.put("noise", List.of(noise.text()));
        query.put("seed", List.of(seed.text()));
        if (batch.isVisible()) {
            query.put("batch", List.of(batch.text()));
        }
    }

    /** Whether every field passes its own check. */
    boolean fieldsValid() {
        return surfaceParams.stream().allMatch(ParamField::isValid) && steps.isValid() && noise.isValid()
                && seed.isValid() && (!batch.isVisible() || batch.isValid())
                && List.of(startX, startY, box[0], box[1], box[2], box[3]).stream().noneMatch(TextField::isInvalid);
    }

    /** Shows the spec's values, e.g. after a link was opened or blank fields took their defaults. */
    void load(RunSpec spec) {
        Surface s = spec.surface();
        String id = Surfaces.byId(s.id()).isPresent() ? s.id() : RunFormat.CUSTOM;
        if (!id.equals(surface.getValue())) {
            surface.setValue(id);
            surfaceChosen();
        }
        if (id.equals(RunFormat.CUSTOM)) {
            expression.setValue(Surfaces.source(s));
        }
        spec.surfaceValues().byName().forEach((k, v) -> surfaceParams.stream().filter(f -> f.param().name().equals(k))
                .forEach(f -> f.setText(f.param().format(v))));
        setStart(spec.start().x(), spec.start().y());
        Box b = spec.box();
        double[] bounds = {b.xMin(), b.xMax(), b.yMin(), b.yMax()};
        for (int i = 0; i < 4; i++) {
            box[i].setValue(Numbers.format(bounds[i]));
            box[i].setInvalid(false);
        }
        steps.setText(Integer.toString(spec.steps()));
        noise.setText(Numbers.format(spec.noise()));
        seed.setText(Long.toString(spec.seed()));
        batch.setText(Integer.toString(spec.batch()));
        batch.setVisible(s.dataRows() > 0);
        formula.setText(s.formula());
    }

    void setStart(double x, double y) {
        startX.setValue(Numbers.format(x));
        startY.setValue(Numbers.format(y));
        startX.setInvalid(false);
        startY.setInvalid(false);
    }

    /** Shows a parse error at the field of its parameter; returns whether one was found. */
    boolean showError(String key, String message) {
        if (key.equals("surface") && !expression.isVisible()) {
            surface.setInvalid(true);
            surface.setErrorMessage(message);
            return true;
        }
        TextField target = switch (key) {
            case "f", "surface" -> expression;
            case "start" -> startX;
            case "box" -> box[0];
            default -> null;
        };
        if (target != null) {
            target.setInvalid(true);
            target.setErrorMessage(message);
            return true;
        }
        for (ParamField f : List.of(steps, noise, seed, batch)) {
            if (f.param().name().equals(key)) {
                f.showError(message);
                return true;
            }
        }
        return false;
    }

    void clearErrors() {
        expression.setInvalid(false);
        surface.setInvalid(false);
        List.of(startX, startY, box[0], box[1], box[2], box[3]).forEach(ProblemPanel::checkNumber);
    }

    /** A new surface: its own parameters, and start and box back to its defaults. */
    private void surfaceChosen() {
        String id = surface.getValue();
        boolean custom = id.equals(RunFormat.CUSTOM);
        expression.setVisible(custom);
        surfaceFields.removeAll();
        surfaceParams.clear();
        Optional<Method<Surface>> method = Surfaces.byId(id);
        formula.setText(method.map(Method::summary).orElse(""));
        method.ifPresent(m -> m.params().forEach(p -> {
            ParamField f = new ParamField(p, Param.Context.NONE, onChange);
            surfaceParams.add(f);
            surfaceFields.add(f);
        }));
        startX.clear();
        startY.clear();
        for (TextField f : box) {
            f.clear();
        }
        batch.setVisible(method.map(m -> Surfaces.get(m.id()).dataRows() > 0).orElse(false));
    }

    /** Marks a field whose text is neither blank nor a number. */
    static void checkNumber(TextField f) {
        String text = f.getValue().trim();
        boolean bad = false;
        if (!text.isEmpty()) {
            try {
                Numbers.parse(text);
            } catch (NumberFormatException e) {
                bad = true;
            }
        }
        f.setInvalid(bad);
        f.setErrorMessage(bad ? "'" + text + "' is not a number" : null);
    }

    /** A small field for a number. */
    static TextField number(String label) {
        TextField f = new TextField(label);
        f.addThemeVariants(TextFieldVariant.SMALL);
        f.setWidth("7em");
        f.setValueChangeMode(ValueChangeMode.LAZY);
        return f;
    }
}
