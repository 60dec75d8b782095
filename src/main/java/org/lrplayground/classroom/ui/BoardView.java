package org.lrplayground.classroom.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lrplayground.classroom.Board;
import org.lrplayground.classroom.Challenge;
import org.lrplayground.classroom.ClassEvent;
import org.lrplayground.classroom.ClassEvents;
import org.lrplayground.classroom.ClassState;
import org.lrplayground.classroom.ClassroomController;
import org.lrplayground.classroom.ClassroomException;
import org.lrplayground.classroom.ClassroomService;
import org.lrplayground.classroom.Handin;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.race.RunService;
import org.lrplayground.share.QrCodes;
import org.lrplayground.ui.MainLayout;

/**
 * The teacher's board of a class, live: who joined, every student's latest hand-in on the
 * surface, the leaderboard, the room's lr-sensitivity, and the teacher's controls. The address is
 * a capability link, {@code /board/<code>#key=<teacher key>}: the fragment never reaches a server,
 * the page keeps the key in the browser's storage and drops it from the address bar (a projector
 * shows that bar). The board shows that link to copy, for another browser, except while names are
 * hidden: then it is being projected.
 */
@Route(value = "board/:code", layout = MainLayout.class)
@PageTitle("Class board · Learning-Rate Playground")
@StyleSheet("context://components/classroom.css")
public class BoardView extends Div implements BeforeEnterObserver {

    /** A row of the leaderboard: a student, their latest hand-in on this scene (or none) and its best run. */
    record Row(String place, long studentId, String name, Handin handin, Handin.Run best) {
    }

    /** Leaderboards this short are shown whole; longer ones scroll. */
    static final int ALL_ROWS_UP_TO = 20;

    private final ClassroomService classes;
    private final ClassEvents events;
    final BoardCharts charts;
    final H1 title = new H1();
    final Span counts = new Span();
    final Span settings = new Span();
    final Anchor joinLink = new Anchor();
    final Image qr = new Image();
    final Span message = new Span();
    final TextField teacherLink = new TextField("Teacher link");
    final Button copyTeacherLink = new Button("Copy", VaadinIcon.COPY.create());
    final Span copied = new Span();
    private final Div teacher = new Div();
    final Button pause = new Button();
    final Button lock = new Button();
    final Button names = new Button();
    final Button spotlight = new Button("Spotlight");
    final Button remove = new Button("Remove hand-in");
    final Button sendScene = new Button("Send a scene…");
    final Button reset = new Button("Reset board…");
    final Button close = new Button("Close class…");
    final Anchor csv = new Anchor();
    final Grid<Row> leaderboard = new Grid<>();
    /** The leaderboard's rows by student: a row keeps its identity across refreshes, so a click on a row
     *  that a refresh replaced while the click was on its way still selects that student. */
    private final Map<Long, Row> rows = new LinkedHashMap<>();
    private final Div board = new Div();
    private String code;
    private String key;
    private String client;
    private URI home;
    private Board shown;

    public BoardView(ClassroomService classes, ClassEvents events, RunService engine) {
        this.classes = classes;
        this.events = events;
        this.charts = new BoardCharts(engine);
        addClassName("class-board");
        message.addClassName("board-message");
        message.setId("board-message");
        counts.setId("board-counts");
        settings.addClassName("board-settings");
        qr.addClassName("board-qr");
        qr.setAlt("QR code of the join link");
        joinLink.setId("join-link");
        teacherLink.setId("teacher-link");
        teacherLink.setReadOnly(true);
        teacherLink.setHelperText("Opens this board in any browser, say on the classroom PC. Anyone with it runs the class: "
                + "keep it to yourself and do not project it; hiding the names hides it too.");
        copyTeacherLink.setId("copy-teacher-link");
        copyTeacherLink.addClickListener(e -> copyTeacherLink());
        copied.addClassName("board-copied");
        teacher.addClassName("board-teacher");
        teacher.add(teacherLink, copyTeacherLink, copied);
        Div join = new Div(title, new Div(joinLink), counts, settings, teacher);
        join.addClassName("board-join");
        Div head = new Div(join, qr);
        head.addClassName("board-head");
        pause.addClickListener(e -> act(() -> classes.setState(code, key,
                shown.state() == ClassState.OPEN ? ClassState.PAUSED : ClassState.OPEN)));
        lock.addClickListener(e -> act(() -> classes.setLocked(code, key, !shown.locked())));
        names.addClickListener(e -> act(() -> classes.setNamesHidden(code, key, !shown.namesHidden())));
        spotlight.addClickListener(e -> selected().ifPresent(r -> act(() -> classes.spotlight(code, key,
                spotlit(r) ? null : r.handin().id()))));
        remove.addClickListener(e -> selected().ifPresent(r -> act(() -> classes.removeHandin(code, key, r.handin().id()))));
        sendScene.addClickListener(e -> sceneDialog());
        reset.addClickListener(e -> confirm("Reset the board?", "Every hand-in is deleted; the students stay.", "Reset",
                () -> classes.reset(code, key)));
        close.addClickListener(e -> confirm("Close the class?", "Nobody can join or hand in any more, and the class is "
                + "removed within the hour. Export the hand-ins first if you want to keep them.", "Close class",
                () -> classes.setState(code, key, ClassState.CLOSED)));
        csv.setText("Export CSV");
        csv.setId("board-csv");
        Div controls = new Div(pause, lock, names, spotlight, remove, sendScene, reset, close, csv);
        controls.addClassName("board-controls");
        leaderboard.setId("leaderboard");
        leaderboard.addColumn(Row::place).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        leaderboard.addColumn(Row::name).setHeader("Student").setAutoWidth(true);
        leaderboard.addColumn(r -> r.best() == null ? "not handed in" : r.best().label()
                + (r.handin().runs().size() > 1 ? " (+" + (r.handin().runs().size() - 1) + ")" : "")).setHeader("Best run");
        leaderboard.addColumn(r -> r.best() == null ? "" : status(r.best().status())).setHeader("Status").setAutoWidth(true);
        leaderboard.addColumn(r -> r.best() == null ? "" : Numbers.readable(metric(r.best()))).setHeader("Metric")
                .setKey("metric").setAutoWidth(true);
        leaderboard.setItems(rows.values()).setIdentifierProvider(Row::studentId);
        leaderboard.addSelectionListener(e -> selectionChanged());
        leaderboard.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        Div body = new Div(charts, leaderboard);
        body.addClassName("board-body");
        board.add(head, controls, body);
        board.setVisible(false);
        add(message, board);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        code = event.getRouteParameters().get("code").orElse("").toUpperCase(Locale.ROOT);
        client = event.getUI().getSession().getBrowser().getAddress();
        title.setText("Class " + code);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // The key: from the link's fragment the first time, then from this browser's storage.
        getElement().executeJs("""
                const store = 'lrp-teacher-' + $0;
                const found = /(?:^#|&)key=([^&]+)/.exec(location.hash);
                try {
                  if (found) {
                    localStorage.setItem(store, decodeURIComponent(found[1]));
                    history.replaceState(history.state, '', location.pathname + location.search);
                  }
                  return localStorage.getItem(store) || '';
                } catch (e) {
                  return found ? decodeURIComponent(found[1]) : '';
                }""", code).then(String.class, this::opened);
        event.getUI().getPage().fetchCurrentURL(url -> showJoin(URI.create(url.toString()).resolve("..")));
    }

    private void opened(String teacherKey) {
        key = teacherKey;
        if (!refresh()) {
            return;
        }
        showTeacherLink();
        board.setVisible(true);
        csv.setHref(DownloadHandler.fromInputStream(e -> {
            StringWriter out = new StringWriter();
            classes.exportCsv(code, key, out);
            byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "class-" + code + ".csv", "text/csv", bytes.length);
        }));
        ClassUpdates.follow(this, events, code, EnumSet.allOf(ClassEvent.Kind.class), kinds -> refresh());
    }

    private void showJoin(URI home) {
        this.home = home;
        showTeacherLink();
        String link = home.resolve(ClassroomController.JOIN.substring(1) + code).toString();
        joinLink.setHref(link);
        joinLink.setText(link);
        byte[] png = QrCodes.png(link);
        qr.setSrc(DownloadHandler.fromInputStream(e -> new DownloadResponse(new ByteArrayInputStream(png),
                "join-" + code + ".png", "image/png", png.length)));
    }

    /** The link this board opened with, once both the key and the page's address have come. */
    private void showTeacherLink() {
        if (home != null && shown != null) {
            teacherLink.setValue(home.resolve(ClassroomController.BOARD.substring(1) + code) + "#key=" + key);
        }
    }

    /** To the clipboard where the page may write to it (HTTPS or this computer), else selected for Ctrl+C. */
    private void copyTeacherLink() {
        teacherLink.getElement().executeJs("""
                this.inputElement.select();
                return navigator.clipboard ? navigator.clipboard.writeText(this.value).then(() => true, () => false) : false;""")
                .then(Boolean.class, done -> copied.setText(done ? "Copied." : "Selected: press Ctrl+C to copy it."));
    }

    /** Reads the board again and shows it; false, with the reason shown, when there is none to show. */
    private boolean refresh() {
        Board next;
        try {
            next = classes.board(code, key, client);
        } catch (ClassroomException e) {
            board.setVisible(false);
            message.setText(switch (e.problem()) {
                case NOT_SIGNED_IN -> "This board opens with its teacher link (it ends in #key=…): copy it from the board "
                        + "in the browser where you made the class. Students join at /join/" + code + ".";
                default -> Sentences.of(e);
            });
            return false;
        }
        message.setText(next.state() == ClassState.CLOSED ? "This class is closed: students can no longer join or hand in." : "");
        // The event after a teacher's own change finds the board as that change already showed it.
        if (!next.equals(shown)) {
            shown = next;
            show(next);
        }
        return true;
    }

    private void show(Board b) {
        List<Row> ranked = rows(b, displayNames(b));
        long handedIn = ranked.stream().filter(r -> r.handin() != null).count();
        counts.setText(b.students().size() + " joined · " + handedIn + " handed in");
        boolean open = b.state() == ClassState.OPEN;
        settings.setText((b.state() == ClassState.CLOSED ? "Closed" : open ? "Open" : "Hand-ins paused")
                + " · editing " + (b.locked() ? "locked" : "unlocked") + " · names " + (b.namesHidden() ? "hidden" : "shown")
                + (b.spotlight() == null ? "" : " · spotlight on " + ranked.stream().filter(r -> r.handin() != null
                && r.handin().id() == b.spotlight()).map(Row::name).findFirst().orElse("an older hand-in")));
        pause.setText(open ? "Pause hand-ins" : "Resume hand-ins");
        lock.setText(b.locked() ? "Unlock editing" : "Lock editing");
        names.setText(b.namesHidden() ? "Show names" : "Hide names");
        teacher.setVisible(!b.namesHidden());
        boolean active = b.state() != ClassState.CLOSED;
        for (Button control : List.of(pause, lock, names, sendScene, reset, close)) {
            control.setEnabled(active);
        }
        leaderboard.getColumnByKey("metric").setHeader(BoardCharts.metricName(b.challenge()));
        // A large room's rows load as they scroll into view: a refresh then sends the dozens on screen, not all.
        boolean all = ranked.size() <= ALL_ROWS_UP_TO;
        leaderboard.setAllRowsVisible(all);
        leaderboard.setHeight(all ? null : "min(80vh, 48rem)");
        rows.clear();
        ranked.forEach(r -> rows.put(r.studentId(), r));
        leaderboard.getDataProvider().refreshAll();
        if (leaderboard.getSelectedItems().stream().anyMatch(r -> !rows.containsKey(r.studentId()))) {
            leaderboard.deselectAll();
        }
        selectionChanged();
        charts.setScene(b.scene(), b.sceneVersion(), b.challenge());
        charts.show(ranked.stream().filter(r -> r.handin() != null)
                .map(r -> new BoardCharts.Shown(r.studentId(), r.name(), r.handin())).toList(), b.challenge());
    }

    /** Nicknames, or "Student 1", "Student 2", … in joining order while names are hidden (for projecting). */
    private static Map<Long, String> displayNames(Board b) {
        Map<Long, String> out = new HashMap<>();
        for (int i = 0; i < b.students().size(); i++) {
            Board.Student s = b.students().get(i);
            out.put(s.id(), b.namesHidden() ? "Student " + (i + 1) : s.name());
        }
        return out;
    }

    /** The leaderboard's order first, then the students whose hand-ins don't rank, then those who handed in nothing. */
    private static List<Row> rows(Board b, Map<Long, String> names) {
        Map<Long, Handin> latest = b.students().stream().flatMap(s -> s.handins().stream())
                .filter(h -> h.sceneVersion() == b.sceneVersion())
                .collect(Collectors.toMap(Handin::studentId, Function.identity(), (older, newer) -> newer));
        List<Row> rows = new ArrayList<>();
        for (Board.Place p : b.leaderboard()) {
            rows.add(row(Integer.toString(p.rank()), p.studentId(), names, latest.get(p.studentId())));
        }
        List<Long> placed = b.leaderboard().stream().map(Board.Place::studentId).toList();
        b.students().stream().filter(s -> !placed.contains(s.id()))
                .sorted(Comparator.comparing(s -> !latest.containsKey(s.id())))
                .forEach(s -> rows.add(row("", s.id(), names, latest.get(s.id()))));
        return rows;
    }

    private static Row row(String place, long studentId, Map<Long, String> names, Handin handin) {
        Handin.Run best = handin == null ? null : handin.runs().stream()
                .min(Comparator.comparing(r -> r.metric() == null ? Double.NaN : r.metric())).orElse(null);
        return new Row(place, studentId, names.get(studentId), handin, best);
    }

    /** A run's status in a few words, e.g. "converged, step 172": the reason's numbers are in the metric column. */
    static String status(Handin.Status status) {
        return status.kind().equals("max-steps") ? "all " + status.step() + " steps"
                : status.kind().replace('-', ' ') + ", step " + status.step();
    }

    private double metric(Handin.Run run) {
        Double value = shown.challenge() == Challenge.NONE ? run.finalGap() : run.metric();
        return value == null ? Double.NaN : value;
    }

    /** The selected student's row as the board shows it now. */
    private Optional<Row> selected() {
        return leaderboard.getSelectedItems().stream().findFirst().map(r -> rows.get(r.studentId()));
    }

    private boolean spotlit(Row r) {
        return r.handin() != null && Long.valueOf(r.handin().id()).equals(shown.spotlight());
    }

    /** The selected student is highlighted on the plot, and the row's actions apply to their hand-in. */
    private void selectionChanged() {
        Optional<Row> row = selected().filter(r -> r.handin() != null);
        boolean active = shown != null && shown.state() != ClassState.CLOSED;
        spotlight.setEnabled(active && row.isPresent());
        remove.setEnabled(active && row.isPresent());
        spotlight.setText(row.filter(this::spotlit).isPresent() ? "End spotlight" : "Spotlight");
        charts.plot.highlight(row.map(r -> charts.groupOf(r.studentId())).orElse(null));
    }

    /** A teacher's change, shown at once (the event that follows refreshes the other boards). */
    private void act(Runnable change) {
        String problem = null;
        try {
            change.run();
        } catch (ClassroomException e) {
            problem = Sentences.of(e);
        }
        if (refresh() && problem != null) {
            message.setText(problem);
        }
    }

    private void confirm(String question, String detail, String yes, Runnable change) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(question);
        dialog.add(new Paragraph(detail));
        Button ok = new Button(yes, e -> {
            dialog.close();
            act(change);
        });
        ok.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
        dialog.open();
    }

    /** Sends a scene to every student: a playground link or a run-format query, checked before it goes. */
    private void sceneDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Send a scene to everyone");
        TextArea scene = new TextArea("Playground link or scene");
        scene.setId("send-scene-text");
        scene.setWidthFull();
        scene.setValue("?" + shown.scene());
        scene.setHelperText("Edit the scene in the playground and paste its address here. Students get it with a note; "
                + "their own runs stay one click away. Hand-ins on the old scene stay on the board but no longer rank.");
        Anchor playground = new Anchor("./?" + shown.scene(), "Open the class's scene in the playground");
        playground.setTarget("_blank");
        Button send = new Button("Send", e -> {
            String text = scene.getValue().strip();
            int query = text.indexOf('?');
            try {
                classes.sendScene(code, key, query < 0 ? text : text.substring(query + 1));
                dialog.close();
                refresh();
            } catch (FormatException | ClassroomException ex) {
                scene.setInvalid(true);
                scene.setErrorMessage(Sentences.of(ex));
            }
        });
        send.setId("send-scene");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(scene, playground);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), send);
        dialog.setWidth("min(40rem, 95vw)");
        dialog.open();
    }
}
