package org.lrplayground.playground.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
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
import org.lrplayground.api.RunService;
import org.lrplayground.engine.format.LinkOptions;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.lessons.LessonFigures;
import org.lrplayground.lessons.ui.LessonPanel;
import org.lrplayground.playground.LrFinderService;
import org.lrplayground.race.RaceService;
import org.lrplayground.share.ShortLinkService;
import org.lrplayground.ui.MainLayout;
import org.lrplayground.ui.RaceDisplay;

/**
 * The playground: pick a surface and optimizers and watch them race. It composes the panels and
 * keeps the address bar, the undo history and the race in step with the form: every valid edit
 * shows the new scene at once (see {@link LiveRace}) and becomes a settled step of the history.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Learning-Rate Playground")
@StyleSheet("context://components/playground.css")
public class PlaygroundView extends Div implements BeforeEnterObserver, AfterNavigationObserver {

    /** The scene of a bare address. */
    static final String DEFAULT_QUERY = "surface=rosenbrock&run=sgd:lr=0.001&run=adam:lr=0.05";

    /** Where a new scene came from, which decides what the undo history and the browser's history do. */
    enum Change {
        /** By navigation (a link, Back, Forward): the browser has its entry already. */
        ARRIVED,
        /** An edit: a step of the undo history, an entry of the browser's history once settled. */
        EDITED,
        /** Undo or redo: the undo history has moved already; the browser gets an entry. */
        UNDONE,
        /** A choice beyond the scene (speed, layout, the lesson closed): the address follows. */
        OPTION
    }

    private final LrFinderService finder;
    private final ShortLinkService links;
    final ProblemPanel problem = new ProblemPanel(this::edited);
    final RunsPanel runs = new RunsPanel(this::edited, this::findLr);
    final RaceControls controls = new RaceControls();
    final RaceDisplay display = new RaceDisplay();
    final Button share = new Button("Share", VaadinIcon.SHARE.create());
    final Span message = new Span();
    final ExportMenu export;
    final LessonPanel lesson;
    final SceneHistory history = new SceneHistory(System::nanoTime);
    private final LiveRace race;
    private final SpecForm form = new SpecForm(problem, runs, message);
    private RunSpec spec;
    private boolean restoring;
    private String location;
    /** What the link asked beyond the spec (hidden controls, the lesson); kept in the address bar. */
    private LinkOptions options = LinkOptions.NONE;

    public PlaygroundView(RaceService races, RunService runService, LrFinderService finder, ShortLinkService links,
                          LessonFigures figures) {
        lesson = new LessonPanel(figures, s -> load(s, Change.EDITED), this::lessonClosed);
        this.finder = finder;
        this.links = links;
        race = new LiveRace(races, display, this::updateControls);
        race.setSpeed(controls.speed.getValue().stepsPerSecond);
        export = new ExportMenu(runService);
        addClassName("playground");
        getElement().setAttribute("data-race-page", "");
        share.setId("share");
        share.addClickListener(e -> openShare());
        export.setId("export");
        controls.addTrailing(export, share);
        controls.run.addClickListener(e -> race.toggle());
        controls.step.addClickListener(e -> race.step());
        controls.reset.addClickListener(e -> race.reset());
        controls.undo.addClickListener(e -> undo());
        controls.redo.addClickListener(e -> redo());
        controls.speed.addValueChangeListener(e -> {
            race.setSpeed(e.getValue().stepsPerSecond);
            if (!restoring) {
                writeLocation(Change.OPTION);
            }
        });
        controls.sideBySide.addValueChangeListener(e -> {
            display.setSideBySide(e.getValue());
            race.redraw(); // the same results, laid out anew
            if (!restoring) {
                writeLocation(Change.OPTION);
            }
        });
        message.addClassName("spec-message");
        display.onStartPicked(e -> pickStart(e.x(), e.y()));
        H1 title = new H1("Learning-Rate Playground");
        title.addClassName("visually-hidden");
        Div stage = new Div(controls, message, display);
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
        Map<String, List<String>> query = new LinkedHashMap<>();
        event.getLocation().getQueryParameters().getParameters().forEach((k, v) -> query.put(k, new ArrayList<>(v)));
        restore(query.isEmpty() ? RunFormat.parseLenient(DEFAULT_QUERY) : RunFormat.parseLenient(query), Change.ARRIVED);
    }

    /**
     * Shows the scene of a link. Links last: every valid part is used, each ignored part is listed
     * in a notification, never an error page. {@code play=1} starts the race, {@code hide=} hides
     * the named {@link #controls()}.
     */
    void restore(RunFormat.Lenient link, Change change) {
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
        options = LinkOptions.NONE.withHide(hidden);
        applyHidden();
        lesson.show(link.options().lesson()).ifPresent(notes::add);
        options = options.withLesson(lesson.lessonId());
        String speedName = link.options().speed();
        Optional<Speed> linkSpeed = speedName.isEmpty() ? Optional.of(Speed.DEFAULT) : Speed.named(speedName);
        if (linkSpeed.isEmpty()) {
            notes.add("ignored speed " + speedName + ": no such speed; accepted: "
                    + String.join(", ", Arrays.stream(Speed.values()).map(s -> s.id).toList()));
        }
        restoring = true;
        try {
            this.controls.speed.setValue(linkSpeed.orElse(Speed.DEFAULT));
            this.controls.sideBySide.setValue(link.options().sideBySide());
        } finally {
            restoring = false;
        }
        load(parsed, change);
        if (!notes.isEmpty()) {
            notify(notes);
        }
        if (link.options().play() && spec != null && !race.playing()) {
            race.toggle();
        }
    }

    private static void notify(List<String> notes) {
        UnorderedList list = new UnorderedList(notes.stream().map(ListItem::new).toArray(ListItem[]::new));
        Button close = new Button("OK");
        Notification n = new Notification(new Div(new Span("This link opened with some parts left out:"), list, close));
        close.addClickListener(e -> n.close());
        n.setDuration(15_000);
        n.setPosition(Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.WARNING);
        n.open();
    }

    /** Hides the controls the link names; the layout's theme button is there only once the view is in it. */
    private void applyHidden() {
        controls().forEach((name, c) -> c.setVisible(!options.hide().contains(name)));
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        applyHidden();
        UI ui = UI.getCurrent();
        if (location != null && ui != null) {
            // The normalised link replaces the address the browser navigated to, in the entry the router
            // made: the client's router adds that entry once this response is handled, hence the timeout.
            ui.getPage().executeJs("setTimeout(() => history.replaceState(history.state, '', $0))", location);
        }
    }

    /** The controls a link may hide with {@code hide=}, by the names links use. */
    Map<String, Component> controls() {
        Map<String, Component> out = new LinkedHashMap<>();
        out.put("problem", problem);
        out.put("runs", runs);
        out.put("run", controls.run);
        out.put("step", controls.step);
        out.put("reset", controls.reset);
        out.put("speed", controls.speed);
        out.put("side-by-side", controls.sideBySide);
        out.put("theme", themeButton());
        out.put("export", export);
        out.put("charts", display.lines());
        out.put("share", share);
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

    /** The scene as a link: the spec, and what the viewer chose beyond it (speed, layout, hidden controls). */
    LinkOptions linkOptions() {
        Speed chosen = controls.speed.getValue();
        return options.withSpeed(chosen == Speed.DEFAULT ? "" : chosen.id).withSideBySide(controls.sideBySide.getValue());
    }

    private void lessonClosed() {
        options = options.withLesson("");
        writeLocation(Change.OPTION);
    }

    /**
     * Puts the scene's link in the address bar. Written by hand rather than through Flow's History,
     * which would re-encode and reorder the query: the address bar shows the link format, which the
     * API reads too.
     */
    private void writeLocation(Change change) {
        if (spec == null) {
            return;
        }
        String next = "?" + RunFormat.formatLink(spec, linkOptions());
        SceneHistory.Entry entry = switch (change) {
            case ARRIVED -> {
                history.arrived(next);
                yield SceneHistory.Entry.REPLACE;
            }
            case EDITED -> history.edited(next);
            case UNDONE -> SceneHistory.Entry.PUSH;
            case OPTION -> SceneHistory.Entry.REPLACE;
        };
        boolean moved = !next.equals(location);
        location = next;
        UI ui = UI.getCurrent();
        // An arrival's address is written after the navigation, whose own history entry would come after it.
        if (ui != null && moved && change != Change.ARRIVED) {
            String call = entry == SceneHistory.Entry.PUSH && moved ? "pushState" : "replaceState";
            ui.getPage().executeJs("history." + call + "(history.state, '', $0)", location);
        }
        updateControls();
    }

    private void undo() {
        history.undo().ifPresent(this::restoreUndone);
    }

    private void redo() {
        history.redo().ifPresent(this::restoreUndone);
    }

    /** A scene from the undo history: shown like a link, with its own entry in the browser's history. */
    private void restoreUndone(String scene) {
        restore(RunFormat.parseLenient(scene.substring(1)), Change.UNDONE);
    }

    /** A click on the plot moves the start; the race follows like after any edit. */
    private void pickStart(double x, double y) {
        if (spec != null) {
            problem.setStart(SpecForm.round(x, spec), SpecForm.round(y, spec));
            edited();
        }
    }

    /** fastai's lr_find for the run; picking a suggested rate edits the run's lr like typing it. */
    private void findLr(RunEditor editor) {
        int i = runs.runs.indexOf(editor);
        if (spec != null && i >= 0 && i < spec.runs().size()) {
            new LrFinderDialog(RaceDisplay.name(spec, i), editor.color(), finder.find(spec, i), editor::setLr).open();
        }
    }

    private void updateControls() {
        boolean valid = spec != null && form.valid();
        controls.update(valid, race.playing(), race.finished(), race.started(), history.canUndo(), history.canRedo());
        share.setEnabled(valid);
        export.setAvailable(valid);
        runs.runs.forEach(r -> r.findLr.setEnabled(valid));
    }

    private void key(String key) {
        switch (key) {
            case " " -> race.toggle();
            case "ArrowRight" -> race.step();
            case "undo" -> undo();
            case "redo" -> redo();
            default -> {
            }
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // Space, →, Ctrl+Z and Ctrl+Shift+Z act on the playground unless the user is typing or on a focused control.
        getElement().executeJs("""
                const view = this;
                const handler = (e) => {
                  if (!view.isConnected) { document.removeEventListener('keydown', handler); return; }
                  const t = e.composedPath()[0];
                  if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName)
                      || t.tagName.startsWith('VAADIN-') || t.tagName === 'LR-SURFACE-PLOT')) return;
                  const mod = e.ctrlKey || e.metaKey;
                  const key = mod && e.key.toLowerCase() === 'z' ? (e.shiftKey ? 'redo' : 'undo')
                      : mod && e.key.toLowerCase() === 'y' ? 'redo'
                      : !mod && !e.altKey && (e.key === ' ' || e.key === 'ArrowRight') ? e.key : null;
                  if (key) {
                    e.preventDefault();
                    view.dispatchEvent(new CustomEvent('lr-key', {detail: key}));
                  }
                };
                document.addEventListener('keydown', handler);
                """);
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
        return location;
    }
}
