package org.lrplayground.playground.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lrplayground.api.RunService;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.format.LinkOptions;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.optim.Optimizer;
import org.lrplayground.engine.optim.Optimizers;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.run.RunConfig;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.engine.run.Trajectory;
import org.lrplayground.lessons.ui.LessonPanel;
import org.lrplayground.playground.Frame;
import org.lrplayground.playground.LrFinderService;
import org.lrplayground.playground.PlaygroundService;
import org.lrplayground.playground.PlaygroundService.Playback;
import org.lrplayground.share.ShortLinkService;

/**
 * The playground: pick a surface and optimizers, press Run and watch them race. The form is the
 * run format's query; every valid change resets the race and rewrites the address bar, and
 * opening such an address restores the scene.
 */
@Route("")
@PageTitle("Learning-Rate Playground")
@StyleSheet("context://components/playground.css")
public class PlaygroundView extends Div implements BeforeEnterObserver {

    /** Runs the view offers (the format allows more, for the API). */
    static final int MAX_RUNS = 8;
    /** Colours of runs 1…8, distinct on the light and the dark surface. */
    static final List<String> COLORS = List.of("#e6194b", "#f58231", "#3cb44b", "#4363d8", "#911eb4", "#42d4f4",
            "#f032e6", "#9a6324");
    /** The scene of a bare address. */
    static final String DEFAULT_QUERY = "surface=rosenbrock&run=sgd:lr=0.001&run=adam:lr=0.05";
    private static final Pattern RUN_KEY = Pattern.compile("run\\[(\\d+)](?:\\.(.+))?");

    enum Speed {
        S1("1", "1 step/s", 1), S10("10", "10 steps/s", 10), S100("100", "100 steps/s", 100),
        S1000("1000", "1,000 steps/s", 1000), S10000("10000", "10,000 steps/s", 10_000),
        INSTANT("instant", "Instant", PlaygroundService.INSTANT);

        static final Speed DEFAULT = S100;

        /** The name links use, {@code speed=<name>}. */
        final String name;
        final String label;
        final double stepsPerSecond;

        Speed(String name, String label, double stepsPerSecond) {
            this.name = name;
            this.label = label;
            this.stepsPerSecond = stepsPerSecond;
        }

        static Optional<Speed> named(String name) {
            return Arrays.stream(values()).filter(s -> s.name.equals(name)).findFirst();
        }
    }

    private final PlaygroundService service;
    private final LrFinderService finder;
    private final ShortLinkService links;
    final ProblemPanel problem = new ProblemPanel(this::settingsChanged);
    private final Div runCards = new Div();
    private final Div runsPanel = new Div();
    final List<RunEditor> runs = new ArrayList<>();
    final Button addRun = new Button("Add run", VaadinIcon.PLUS.create());
    final Button run = new Button("Run", VaadinIcon.PLAY.create());
    final Button step = new Button("Step", VaadinIcon.STEP_FORWARD.create());
    final Button reset = new Button("Reset", VaadinIcon.REFRESH.create());
    final Select<Speed> speed = new Select<>();
    final Checkbox sideBySide = new Checkbox("Side by side");
    final Button theme = new Button(VaadinIcon.ADJUST.create());
    final Button share = new Button("Share", VaadinIcon.SHARE.create());
    final Span message = new Span();
    final RaceCharts charts = new RaceCharts();
    final ExportMenu export;
    final LessonPanel lesson = new LessonPanel(this::load, this::lessonClosed);

    private RunSpec spec;
    private Playback playback;
    /** Counts the races opened, so that frames still in flight from a closed one can be told apart. */
    private int races;
    private boolean restoring;
    private boolean dark;
    private String location;
    /** What the link asked beyond the spec (hidden controls); kept in the address bar. */
    private LinkOptions options = LinkOptions.NONE;
    private double[] lastLoss = new double[0];
    private int[] lastStep = new int[0];

    public PlaygroundView(PlaygroundService service, RunService runs, LrFinderService finder, ShortLinkService links) {
        this.service = service;
        this.finder = finder;
        this.links = links;
        export = new ExportMenu(runs);
        addClassName("playground");
        H1 title = new H1("Learning-Rate Playground");
        theme.setAriaLabel("Dark theme");
        theme.setTooltipText("Switch between light and dark");
        theme.addThemeVariants(ButtonVariant.TERTIARY);
        theme.addClickListener(e -> toggleTheme());
        Anchor lessons = new Anchor("lessons", "Lessons");
        lessons.addClassName("nav-link");
        Div header = new Div(title, lessons);
        header.addClassName("header");

        addRun.addClickListener(e -> addRun(unused(), null));
        runCards.addClassName("run-cards");
        runsPanel.add(new H3("Runs"), runCards, addRun);
        runsPanel.addClassName("runs-panel");

        addRun.setId("add-run");
        run.setId("run");
        step.setId("step");
        reset.setId("reset");
        share.setId("share");
        share.addClickListener(e -> openShare());
        speed.setId("speed");
        export.setId("export");
        run.addThemeVariants(ButtonVariant.PRIMARY);
        run.addClickListener(e -> toggleRun());
        step.addClickListener(e -> step());
        reset.addClickListener(e -> resetRace());
        speed.setLabel("Speed");
        speed.setItems(Speed.values());
        speed.setItemLabelGenerator(s -> s.label);
        speed.setValue(Speed.DEFAULT);
        speed.addValueChangeListener(e -> {
            if (playback != null && playback.playing()) {
                playback.pause();
                playback.play(e.getValue().stepsPerSecond);
            }
            if (!restoring) {
                writeLocation();
            }
        });
        sideBySide.addValueChangeListener(e -> {
            charts.setSideBySide(e.getValue());
            settingsChanged();
        });
        message.addClassName("spec-message");
        Span keys = new Span("space: run/pause · →: step · click the plot to move the start");
        keys.addClassName("hint");
        Div controls = new Div(run, step, reset, speed, sideBySide, export, share, theme, keys);
        controls.addClassName("controls");

        charts.onStartPicked(e -> pickStart(e.x(), e.y()));
        Div stage = new Div(controls, message, charts);
        stage.addClassName("stage");
        Div side = new Div(problem, runsPanel);
        side.addClassName("side");
        Div body = new Div(lesson, side, stage);
        body.addClassName("body");
        add(header, body);
        getElement().addEventListener("lr-key", e -> key(e.getEventData().get("event.detail").asString()))
                .addEventData("event.detail");
        // Follows the system's dark mode on first sight; the theme button overrides it.
        getElement().addEventListener("lr-prefers-dark", e -> {
            if (!dark) {
                toggleTheme();
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        event.getLocation().getQueryParameters().getParameters().forEach((k, v) -> query.put(k, new ArrayList<>(v)));
        restore(query);
    }

    /**
     * Shows the scene of a link. Links last: every valid part is used, each ignored part is listed
     * in a notification, never an error page. {@code play=1} starts the race, {@code hide=} hides
     * the named {@link #controls()}.
     */
    void restore(Map<String, List<String>> query) {
        RunFormat.Lenient link = RunFormat.parseLenient(query.isEmpty() ? queryOf(DEFAULT_QUERY) : query);
        List<String> notes = new ArrayList<>(link.notes());
        RunSpec parsed = link.spec();
        if (parsed.runs().size() > MAX_RUNS) {
            notes.add("ignored runs " + (MAX_RUNS + 1) + " to " + parsed.runs().size() + ": the playground shows at most "
                    + MAX_RUNS);
            parsed = parsed.withRuns(parsed.runs().subList(0, MAX_RUNS));
        }
        Map<String, Component> controls = controls();
        List<String> hidden = new ArrayList<>();
        for (String name : link.options().hide()) {
            if (controls.containsKey(name)) {
                hidden.add(name);
            } else {
                notes.add("ignored hide " + name + ": no such control (accepted: " + String.join(", ", controls.keySet()) + ")");
            }
        }
        controls.forEach((name, c) -> c.setVisible(!hidden.contains(name)));
        lesson.show(link.options().lesson()).ifPresent(notes::add);
        options = LinkOptions.NONE.withHide(hidden).withLesson(lesson.lessonId());
        String speedName = link.options().speed();
        Optional<Speed> linkSpeed = speedName.isEmpty() ? Optional.of(Speed.DEFAULT) : Speed.named(speedName);
        if (linkSpeed.isEmpty()) {
            notes.add("ignored speed " + speedName + ": no such speed (accepted: "
                    + String.join(", ", Arrays.stream(Speed.values()).map(s -> s.name).toList()) + ")");
        }
        restoring = true;
        try {
            speed.setValue(linkSpeed.orElse(Speed.DEFAULT));
            sideBySide.setValue(link.options().sideBySide());
        } finally {
            restoring = false;
        }
        load(parsed);
        if (!notes.isEmpty()) {
            UnorderedList list = new UnorderedList(notes.stream().map(ListItem::new).toArray(ListItem[]::new));
            Button close = new Button("OK");
            Notification n = new Notification(new Div(new Span("This link opened with some parts left out:"), list, close));
            close.addClickListener(e -> n.close());
            n.setDuration(15_000);
            n.setPosition(Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.WARNING);
            n.open();
        }
        if (link.options().play() && spec != null) {
            toggleRun();
        }
    }

    /** The controls a link may hide with {@code hide=}, by the names links use. */
    Map<String, Component> controls() {
        Map<String, Component> out = new LinkedHashMap<>();
        out.put("problem", problem);
        out.put("runs", runsPanel);
        out.put("run", run);
        out.put("step", step);
        out.put("reset", reset);
        out.put("speed", speed);
        out.put("side-by-side", sideBySide);
        out.put("theme", theme);
        out.put("export", export);
        out.put("charts", charts.lines);
        out.put("share", share);
        return out;
    }

    private static Map<String, List<String>> queryOf(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            out.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>()).add(pair.substring(eq + 1));
        }
        return out;
    }

    /** Shows a complete spec in the form. */
    private void load(RunSpec loaded) {
        restoring = true;
        try {
            problem.load(loaded);
            runs.clear();
            runCards.removeAll();
            loaded.runs().forEach(r -> addRun(r.optimizer().method(), r));
        } finally {
            restoring = false;
        }
        settingsChanged();
    }

    private void addRun(Method<Optimizer> method, RunConfig config) {
        if (runs.size() >= MAX_RUNS) {
            return;
        }
        RunEditor editor = new RunEditor(method, stepsOrDefault(), this::settingsChanged);
        if (config != null) {
            editor.load(config);
        }
        editor.findLr.addClickListener(e -> findLr(editor));
        editor.duplicate.addClickListener(e -> duplicate(editor));
        editor.remove.addClickListener(e -> removeRun(editor));
        runs.add(editor);
        runCards.add(editor);
        recolor();
        settingsChanged();
    }

    /** The first optimizer no run uses yet, so that each added run brings a new method to the race. */
    private Method<Optimizer> unused() {
        List<Method<Optimizer>> used = runs.stream().map(RunEditor::method).toList();
        return Optimizers.ALL.stream().filter(m -> !used.contains(m)).findFirst().orElse(Optimizers.ALL.getLast());
    }

    private void duplicate(RunEditor editor) {
        if (runs.size() < MAX_RUNS && editor.fieldsValid()) {
            RunConfig copy = RunFormat.parseRun("run", editor.runText(), stepsOrDefault());
            addRun(copy.optimizer().method(), copy);
        }
    }

    /** fastai's lr_find for the run; picking a suggested rate edits the run's lr like typing it. */
    private void findLr(RunEditor editor) {
        int i = runs.indexOf(editor);
        if (spec != null && i >= 0) {
            new LrFinderDialog((i + 1) + ". " + editor.labelText(), editor.color(), finder.find(spec, i), editor::setLr).open();
        }
    }

    private void removeRun(RunEditor editor) {
        if (runs.size() <= 1) {
            return;
        }
        runs.remove(editor);
        runCards.remove(editor);
        recolor();
        settingsChanged();
    }

    private void recolor() {
        for (int i = 0; i < runs.size(); i++) {
            runs.get(i).setColor(COLORS.get(i));
            runs.get(i).remove.setEnabled(runs.size() > 1);
            runs.get(i).duplicate.setEnabled(runs.size() < MAX_RUNS);
        }
        addRun.setEnabled(runs.size() < MAX_RUNS);
    }

    private int stepsOrDefault() {
        try {
            return RunFormat.STEPS.checkInt(Numbers.parse(problem.steps.text()));
        } catch (IllegalArgumentException e) {
            return spec != null ? spec.steps() : (int) RunFormat.STEPS.defaultValue(Param.Context.NONE);
        }
    }

    /** Any change of the problem or the runs: stop the race, rebuild the spec, rewrite the address. */
    void settingsChanged() {
        if (restoring) {
            return;
        }
        closeRace();
        int steps = stepsOrDefault();
        runs.forEach(r -> r.setSteps(steps));
        spec = buildSpec();
        runs.forEach(r -> r.findLr.setEnabled(spec != null)); // it sweeps the spec, which needs valid fields
        updateControls();
        export.setSpec(spec);
        if (spec == null) {
            return;
        }
        restoring = true;
        try {
            problem.load(spec);
        } finally {
            restoring = false;
        }
        for (int i = 0; i < runs.size(); i++) {
            runs.get(i).showConfig(spec.runs().get(i));
            runs.get(i).setStatus("ready", RunStatus.RUNNING);
        }
        charts.show(spec);
        lastLoss = new double[spec.runs().size()];
        lastStep = new int[spec.runs().size()];
        writeLocation();
    }

    /** The scene as a link: the spec, and what the viewer chose beyond it (speed, layout, hidden controls). */
    LinkOptions linkOptions() {
        Speed chosen = speed.getValue();
        return options.withSpeed(chosen == Speed.DEFAULT ? "" : chosen.name).withSideBySide(sideBySide.getValue());
    }

    private void lessonClosed() {
        options = options.withLesson("");
        writeLocation();
    }

    private void writeLocation() {
        if (spec == null) {
            return;
        }
        // Written by hand rather than through History/Location, which would re-encode and reorder
        // the query: the address bar shows the link format, which the API reads too.
        location = "?" + RunFormat.formatLink(spec, linkOptions());
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.getPage().executeJs("history.replaceState(history.state, '', $0)", location);
        }
    }

    /** The spec of the form, or null with the errors shown at their fields. */
    private RunSpec buildSpec() {
        problem.clearErrors();
        runs.forEach(RunEditor::clearErrors);
        message.setText("");
        if (!problem.fieldsValid() || !runs.stream().allMatch(RunEditor::fieldsValid)) {
            message.setText("Fix the marked fields to run.");
            return null;
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        problem.addTo(query);
        query.put("run", runs.stream().map(RunEditor::runText).toList());
        try {
            return RunFormat.parse(query);
        } catch (FormatException e) {
            Matcher m = RUN_KEY.matcher(e.parameter());
            if (m.matches() && Integer.parseInt(m.group(1)) < runs.size()) {
                runs.get(Integer.parseInt(m.group(1))).showError(m.group(2), e.getMessage());
            } else if (!problem.showError(e.parameter(), e.getMessage())) {
                message.setText(e.getMessage());
            }
            if (message.getText().isEmpty()) {
                message.setText("Fix the marked fields to run.");
            }
            return null;
        }
    }

    /** A click on the plot; ignored while the race plays, otherwise a settings change like any other. */
    private void pickStart(double x, double y) {
        if ((playback != null && playback.playing()) || spec == null) {
            return;
        }
        problem.setStart(round(x, spec), round(y, spec));
        settingsChanged();
    }

    /** A clicked coordinate to a thousandth of the box size, which keeps links short. */
    private static double round(double v, RunSpec spec) {
        int exponent = (int) Math.floor(Math.log10(Math.max(spec.box().width(), spec.box().height()))) - 3;
        return java.math.BigDecimal.valueOf(Math.round(v / Math.pow(10, exponent))).scaleByPowerOfTen(exponent).doubleValue();
    }

    private void toggleRun() {
        if (spec == null) {
            return;
        }
        if (playback != null && playback.playing()) {
            playback.pause();
        } else {
            if (playback != null && playback.finished()) {
                resetRace(); // "Run again"
            }
            ensureRace().play(speed.getValue().stepsPerSecond);
        }
        updateControls();
    }

    private void step() {
        if (spec == null) {
            return;
        }
        ensureRace().step();
        updateControls();
    }

    private Playback ensureRace() {
        if (playback == null) {
            UI ui = UI.getCurrent();
            int race = ++races;
            playback = service.open(ui, spec, frame -> {
                // Single steps arrive on the request thread, which holds the session lock already.
                if (ui.getSession() != null && ui.getSession().hasLock()) {
                    apply(race, frame);
                } else {
                    ui.access(() -> apply(race, frame));
                }
            });
            playback.deliverStart();
        }
        return playback;
    }

    /** Reset: the same scene, not yet run. */
    void resetRace() {
        if (spec == null) {
            return;
        }
        closeRace();
        charts.show(spec);
        for (RunEditor r : runs) {
            r.setStatus("ready", RunStatus.RUNNING);
        }
        updateControls();
    }

    private void closeRace() {
        if (playback != null) {
            playback.close();
            playback = null;
            races++;
        }
    }

    /** Draws a frame; frames of a race that has since been closed are ignored. */
    private void apply(int race, Frame frame) {
        if (race != races || playback == null) {
            return;
        }
        charts.draw(frame);
        for (int r = 0; r < frame.runs().size(); r++) {
            Frame.Run run = frame.runs().get(r);
            Trajectory.Slice s = run.points();
            if (s.size() > 0) {
                lastLoss[r] = s.loss()[s.size() - 1];
                lastStep[r] = s.first() + s.size() - 1;
            }
            runs.get(r).setStatus(statusText(run.status(), lastStep[r], lastLoss[r], run.distance()), run.status());
        }
        updateControls();
    }

    /** A run's status in words, e.g. "converged at step 412 (loss 3.1e-9, distance 2.2e-5)". */
    static String statusText(RunStatus status, int step, double loss, double distance) {
        String numbers = "loss " + number(loss) + (Double.isNaN(distance) ? "" : ", distance " + number(distance));
        return switch (status.kind()) {
            case RUNNING -> "step " + step + " · " + numbers;
            case CONVERGED, MAX_STEPS, STOPPED -> status.reason() + " (" + numbers + ")";
            case DIVERGED, LEFT_BOX -> status.reason();
        };
    }

    static String number(double v) {
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(java.util.Locale.ROOT, "%.2e", v)
                : String.format(java.util.Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "");
    }

    private void updateControls() {
        boolean finished = playback != null && playback.finished();
        boolean playing = !finished && playback != null && playback.playing();
        run.setEnabled(spec != null);
        step.setEnabled(spec != null && !finished);
        reset.setEnabled(spec != null && playback != null);
        share.setEnabled(spec != null);
        String text = playing ? "Pause" : finished ? "Run again" : "Run";
        // Called on every frame: only a change goes to the page (a new icon is a new element).
        if (!text.equals(run.getText())) {
            run.setText(text);
            run.setIcon(playing ? VaadinIcon.PAUSE.create() : VaadinIcon.PLAY.create());
            charts.setInteractive(!playing);
        }
    }

    private void key(String key) {
        switch (key) {
            case " " -> toggleRun();
            case "ArrowRight" -> step();
            default -> {
            }
        }
    }

    private void toggleTheme() {
        dark = !dark;
        // 'light' rather than no attribute: the choice then outlives a visit to /lessons in this tab.
        getElement().executeJs("document.documentElement.setAttribute('theme', $0)", dark ? "dark" : "light");
        theme.setAriaLabel(dark ? "Light theme" : "Dark theme");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // Space and → act on the playground unless the user is typing or on a focused control.
        // The dark theme when chosen earlier in this tab, or else when the system is in dark mode.
        getElement().executeJs("""
                const view = this;
                const handler = (e) => {
                  if (!view.isConnected) { document.removeEventListener('keydown', handler); return; }
                  if (e.ctrlKey || e.metaKey || e.altKey) return;
                  const t = e.composedPath()[0];
                  if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName)
                      || t.tagName.startsWith('VAADIN-'))) return;
                  if (e.key === ' ' || e.key === 'ArrowRight') {
                    e.preventDefault();
                    view.dispatchEvent(new CustomEvent('lr-key', {detail: e.key}));
                  }
                };
                document.addEventListener('keydown', handler);
                const chosen = document.documentElement.getAttribute('theme');
                if (chosen === 'dark' || (!chosen && matchMedia('(prefers-color-scheme: dark)').matches)) {
                  view.dispatchEvent(new CustomEvent('lr-prefers-dark'));
                }
                """);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        closeRace(); // no race outlives its page
    }

    /**
     * Opens the share dialog for the scene as it is now. Links are made against the address the
     * browser shows, which is right behind any proxy; asking for it costs one round trip.
     */
    private void openShare() {
        if (spec != null) {
            getUI().ifPresent(ui -> ui.getPage().fetchCurrentURL(url -> shareDialog(ShareDialog.home(url)).open()));
        }
    }

    /** The share dialog of the current scene, its links made against the playground at {@code home}. */
    ShareDialog shareDialog(URI home) {
        return new ShareDialog(links, home, spec, linkOptions(), List.copyOf(controls().keySet()));
    }

    /** The spec the form shows, or null while it is invalid (for tests). */
    RunSpec spec() {
        return spec;
    }

    /** The query last written to the address bar. */
    String location() {
        return location;
    }
}
