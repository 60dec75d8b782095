package org.lrplayground.playground.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lrplayground.race.RunService;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.lessons.LessonFigures;
import org.lrplayground.lessons.ui.LessonPanel;
import org.lrplayground.link.PageLink;
import org.lrplayground.link.PageOptions;
import org.lrplayground.playground.BasinsService;
import org.lrplayground.playground.TuningService;
import org.lrplayground.playground.Control;
import org.lrplayground.playground.LrFinderService;
import org.lrplayground.playground.ui.SceneAddress.Change;
import org.lrplayground.race.RaceService;
import org.lrplayground.share.ShortLinkService;
import org.lrplayground.ui.MainLayout;
import org.lrplayground.ui.PlotView;
import org.lrplayground.ui.RaceDisplay;

/**
 * The playground: pick a surface and optimizers and watch them race. It composes the panels and
 * keeps the address bar, the undo history and the race in step with the form: every valid edit
 * shows the new scene at once (see {@link LiveRace}) and becomes a settled step of the history.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Learning-Rate Playground")
@StyleSheet("context://components/playground.css")
@JavaScript("context://components/playground-keys.js")
public class PlaygroundView extends Div implements BeforeEnterObserver, AfterNavigationObserver {

    /** The scene of a bare address. */
    public static final String DEFAULT_QUERY = "surface=rosenbrock&run=sgd:lr=0.001&run=adam:lr=0.05";

    private final Analyses analyses;
    private final ShortLinkService links;
    final ProblemPanel problem = new ProblemPanel(this::edited);
    final RunsPanel runs = new RunsPanel(this::edited, this::findLr, this::basins);
    final RaceControls controls = new RaceControls();
    final RaceDisplay display = new RaceDisplay();
    final Timeline timeline = new Timeline();
    final Button share = new Button("Share", VaadinIcon.SHARE.create());
    final Button tune = new Button("Tune", VaadinIcon.SLIDERS.create());
    final Span message = new Span();
    final ExportMenu export;
    final LessonPanel lesson;
    final SceneAddress address = new SceneAddress(System::nanoTime);
    private final LiveRace race;
    private final SpecForm form = new SpecForm(problem, runs, message);
    private RunSpec spec;
    private boolean restoring;
    /** Shown inside another page (a class's), which gives it its scenes: the address bar is not its own. */
    private boolean embedded;
    private boolean editable = true;
    /** What the link asked beyond the spec (hidden controls, the lesson); kept in the address bar. */
    private PageOptions options = PageOptions.NONE;

    public PlaygroundView(RaceService races, RunService runService, LrFinderService finder, BasinsService basins,
                          TuningService tuning, ShortLinkService links, LessonFigures figures) {
        lesson = new LessonPanel(figures, s -> load(s, Change.EDITED), this::lessonClosed);
        analyses = new Analyses(finder, basins, tuning, runs, message::setText);
        this.links = links;
        race = new LiveRace(races, runService, display, timeline, this::updateControls, message::setText);
        timeline.onMoves(race::scrub, race::stepBack, race::stepForward, race::explain);
        display.results().onUseRate((run, lr) -> runs.runs.get(run).setLr(lr));
        race.setSpeed(controls.speed.getValue().stepsPerSecond);
        export = new ExportMenu(runService);
        addClassName("playground");
        getElement().setAttribute("data-race-page", "");
        share.setId("share");
        share.addClickListener(e -> openShare());
        export.setId("export");
        tune.setId("tune");
        tune.setTooltipText("Tune every run's lr with the same budget, then apply the best rates");
        tune.addClickListener(e -> analyses.tune(spec, this::edited));
        controls.addTrailing(tune, export, share);
        controls.run.addClickListener(e -> race.toggle());
        controls.step.addClickListener(e -> race.step());
        controls.reset.addClickListener(e -> race.reset());
        controls.undo.addClickListener(e -> undo());
        controls.redo.addClickListener(e -> redo());
        controls.speed.addValueChangeListener(e -> {
            race.setSpeed(e.getValue().stepsPerSecond);
            optionChanged();
        });
        controls.sideBySide.addValueChangeListener(e -> {
            display.setSideBySide(e.getValue());
            race.redraw(); // the same results, laid out anew
            optionChanged();
        });
        message.addClassName("spec-message");
        display.onStartPicked(e -> pickStart(e.x(), e.y()));
        display.onViewChanged(this::optionChanged);
        H1 title = new H1("Learning-Rate Playground");
        title.addClassName("visually-hidden");
        Div stage = new Div(controls, timeline, message, display);
        stage.addClassName("stage");
        Div side = new Div(problem, runs);
        side.addClassName("side");
        Div body = new Div(lesson, side, stage);
        body.addClassName("body");
        add(title, body);
        getElement().addEventListener("lr-key", e -> key(e.getEventData().get("event.detail").asString()))
                .addEventData("event.detail");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (embedded) {
            return;
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        event.getLocation().getQueryParameters().getParameters().forEach((k, v) -> query.put(k, new ArrayList<>(v)));
        if (PageLink.onlyOptions(query)) {
            RunFormat.decode(DEFAULT_QUERY).forEach(query::putIfAbsent);
        }
        restore(PageLink.open(query), Change.ARRIVED);
    }

    /**
     * Shows the scene of a link. Links last: every valid part is used, each ignored part is listed
     * in a notification, never an error page. {@code play=1} starts the race, {@code hide=} hides
     * the named {@link #controls()}.
     */
    void restore(PageLink.Opened link, Change change) {
        List<String> notes = new ArrayList<>(link.notes());
        RunSpec parsed = link.spec();
        if (parsed.runs().size() > RunsPanel.MAX_RUNS) {
            notes.add("ignored runs " + (RunsPanel.MAX_RUNS + 1) + " to " + parsed.runs().size()
                    + ": the playground shows at most " + RunsPanel.MAX_RUNS);
            parsed = parsed.withRuns(parsed.runs().subList(0, RunsPanel.MAX_RUNS));
        }
        Map<String, Component> controls = controls();
        List<String> hidden = new ArrayList<>();
        for (String name : link.options().hide()) {
            if (controls.containsKey(name)) {
                hidden.add(name);
            } else {
                notes.add("ignored hide " + name + ": no such control; accepted: " + String.join(", ", controls.keySet()));
            }
        }
        options = PageOptions.NONE.withHide(hidden);
        applyHidden();
        lesson.show(link.options().lesson()).ifPresent(notes::add);
        options = options.withLesson(lesson.lessonId());
        restoring = true;
        try {
            this.controls.speed.setValue(Speed.ofLink(link.options().speed(), notes));
            this.controls.sideBySide.setValue(link.options().sideBySide());
            display.setView(PlotView.ofLink(link.options().view(), notes));
        } finally {
            restoring = false;
        }
        load(parsed, change);
        if (!notes.isEmpty()) {
            LinkNotes.show(notes);
        }
        if (link.options().play() && spec != null && !race.playing()) {
            race.toggle();
        }
    }

    /** Hides the controls the link names; the layout's theme button is there only once the view is in it. */
    private void applyHidden() {
        controls().forEach((name, c) -> c.setVisible(!options.hide().contains(name)));
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        applyHidden();
        if (embedded) {
            return;
        }
        offerHosting();
        address.afterNavigation(event.getLocationChangeEvent().getTrigger());
    }

    /** The controls a link may hide with {@code hide=}, by the names links use, in {@link Control}'s order. */
    Map<String, Component> controls() {
        Map<String, Component> out = new LinkedHashMap<>();
        for (Control c : Control.values()) {
            out.put(c.id(), switch (c) {
                case PROBLEM -> problem;
                case RUNS -> runs;
                case RUN -> controls.run;
                case STEP -> controls.step;
                case RESET -> controls.reset;
                case SPEED -> controls.speed;
                case SIDE_BY_SIDE -> controls.sideBySide;
                case THEME -> themeButton();
                case EXPORT -> export;
                case CHARTS -> display.lines();
                case SHARE -> share;
            });
        }
        return out;
    }

    /** The layout's theme button, which a link may hide too; a stand-in while the view is not in the layout. */
    private Component themeButton() {
        return MainLayout.of(this).map(l -> (Component) l.themeButton()).orElseGet(Span::new);
    }

    /** Shows a complete spec in the form and on the stage. */
    private void load(RunSpec loaded, Change change) {
        restoring = true;
        try {
            problem.load(loaded);
            runs.load(loaded);
        } finally {
            restoring = false;
        }
        show(change);
    }

    /** Any edit of the problem or the runs. */
    private void edited() {
        if (!restoring) {
            show(Change.EDITED);
        }
    }

    /** Rebuilds the spec from the form; a valid one goes on stage and into the address bar and history. */
    private void show(Change change) {
        runs.setSteps(form.steps(spec));
        RunSpec next = form.build();
        updateControls();
        if (next == null) {
            return; // the marked fields say why; the stage keeps the last valid scene
        }
        spec = next;
        restoring = true;
        try {
            problem.load(spec);
        } finally {
            restoring = false;
        }
        runs.showConfig(spec);
        export.setSpec(spec);
        race.show(spec);
        writeLocation(change);
    }

    /** The scene as a link: the spec, and what the viewer chose beyond it (speed, layout, plot view, hidden controls). */
    PageOptions linkOptions() {
        Speed chosen = controls.speed.getValue();
        PlotView view = display.view();
        return options.withSpeed(chosen == Speed.DEFAULT ? "" : chosen.id).withSideBySide(controls.sideBySide.getValue())
                .withView(view == PlotView.CONTOUR ? "" : view.id());
    }

    private void lessonClosed() {
        options = options.withLesson("");
        optionChanged();
    }

    private void optionChanged() {
        if (!restoring) {
            writeLocation(Change.OPTION);
        }
    }

    /**
     * Shows {@code scene} (a run-format query) inside another page, which from now on owns the
     * address bar: the playground's undo history still follows edits, the browser's address does not.
     *
     * @param hidden the controls the page hides, as a link's {@code hide=} would
     */
    public void embed(String scene, Collection<Control> hidden) {
        embedded = true;
        address.keepOffBrowser();
        PageLink.Opened opened = PageLink.open(scene);
        restore(new PageLink.Opened(opened.spec(), opened.options().withHide(hidden.stream().map(Control::id).toList()),
                opened.notes()), Change.ARRIVED);
    }

    /** Whether the runs and the problem may be edited (a class's teacher may lock them); the race may always run. */
    public void setEditable(boolean on) {
        editable = on;
        problem.getElement().setEnabled(on);
        runs.getElement().setEnabled(on);
        updateControls();
    }

    /** The scene on stage when the form is valid: what a student hands in. */
    public Optional<RunSpec> validScene() {
        return spec != null && form.valid() ? Optional.of(spec) : Optional.empty();
    }

    /** More buttons at the end of the race controls, after Export and Share. */
    public void addActions(Component... actions) {
        controls.addTrailing(actions);
    }

    /** Puts the scene's link in the address bar. */
    private void writeLocation(Change change) {
        if (spec != null) {
            address.write("?" + PageLink.format(spec, linkOptions()), change);
            offerHosting();
            updateControls();
        }
    }

    /** The header's "Host a class" makes a class of the scene on stage. */
    private void offerHosting() {
        if (spec != null && !embedded) {
            MainLayout.of(this).ifPresent(l -> l.setHostScene(RunFormat.format(spec)));
        }
    }

    private void undo() {
        if (editable) {
            address.undo().ifPresent(this::restoreUndone);
        }
    }

    private void redo() {
        if (editable) {
            address.redo().ifPresent(this::restoreUndone);
        }
    }

    /** A scene from the undo history: shown like a link, with its own entry in the browser's history. */
    private void restoreUndone(String scene) {
        restore(PageLink.open(scene.substring(1)), Change.UNDONE);
    }

    /** A click on the plot moves the start; the race follows like after any edit. */
    private void pickStart(double x, double y) {
        if (spec != null && editable) {
            problem.setStart(SpecForm.round(x, spec), SpecForm.round(y, spec));
            edited();
        }
    }

    private void findLr(RunEditor editor) {
        analyses.findLr(spec, editor);
    }

    private void basins(RunEditor editor) {
        analyses.basins(spec, editor);
    }

    private void updateControls() {
        boolean valid = spec != null && form.valid();
        controls.update(valid, race.playing(), race.finished(), race.started(), editable && address.canUndo(),
                editable && address.canRedo());
        RaceControls.enable(share, valid);
        RaceControls.enable(tune, valid);
        export.setAvailable(valid);
        runs.runs.forEach(r -> {
            RaceControls.enable(r.findLr, valid);
            RaceControls.enable(r.basins, valid);
        });
    }

    private void key(String key) {
        switch (key) {
            case " " -> race.toggle();
            case "ArrowRight" -> race.stepForward();
            case "ArrowLeft" -> race.stepBack();
            case "undo" -> undo();
            case "redo" -> redo();
            default -> {
            }
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        getElement().executeJs("lrPlaygroundKeys(this)");
    }

    @Override
    protected void onDetach(DetachEvent event) {
        race.close(); // no race outlives its page
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

    /** The spec on stage: the last valid one the form gave (for tests). */
    RunSpec spec() {
        return spec;
    }

    /** The query last written to the address bar. */
    String location() {
        return address.location();
    }
}
