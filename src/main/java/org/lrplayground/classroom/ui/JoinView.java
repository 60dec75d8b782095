package org.lrplayground.classroom.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lrplayground.classroom.Board;
import org.lrplayground.classroom.ClassEvent;
import org.lrplayground.classroom.ClassEvents;
import org.lrplayground.classroom.ClassInfo;
import org.lrplayground.classroom.ClassState;
import org.lrplayground.classroom.ClassroomController;
import org.lrplayground.classroom.ClassroomException;
import org.lrplayground.classroom.ClassroomService;
import org.lrplayground.classroom.Handin;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.run.RunConfig;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.surface.Point;
import org.lrplayground.playground.Control;
import org.lrplayground.playground.ui.PlaygroundView;
import org.lrplayground.share.RateLimitedException;
import org.lrplayground.ui.MainLayout;

/**
 * A student's page of a class, phone first: {@code /join} asks for the code, {@code /join/<code>}
 * for a nickname, then shows the class's scene in the playground with a Hand in button. A cookie
 * holds the student's token, so a reload or a lost connection comes back as the same student.
 * The teacher's settings reach the page live as {@link Notices}: a sent scene (the student's own
 * runs stay one click away), the lock, the pause and the spotlight.
 */
@Route(value = "join/:code?", layout = MainLayout.class)
@PageTitle("Join a class · Learning-Rate Playground")
@StyleSheet("context://components/classroom.css")
public class JoinView extends Div implements BeforeEnterObserver {

    /** The cookie of a class's student token; one per class, so one browser may be in two classes. */
    static String cookieName(String code) {
        return "lrp-student-" + code;
    }

    /** What a student's page follows: not the others joining and handing in, which a room does all the time. */
    static final Set<ClassEvent.Kind> FOLLOWED = EnumSet.complementOf(EnumSet.of(ClassEvent.Kind.JOINED, ClassEvent.Kind.HANDED_IN));

    /** What the playground hides from students: the class sets the problem, and a class scene is no link to share. */
    static final Set<Control> HIDDEN = Set.of(Control.PROBLEM, Control.SHARE);

    private final ClassroomService classes;
    private final ClassEvents events;
    final H1 title = new H1("Join a class");
    final Span message = new Span();
    final TextField codeField = new TextField("Class code");
    final TextField nickname = new TextField("Nickname");
    final Button join = new Button("Join");
    final Span you = new Span();
    final Notices notices = new Notices();
    final Span place = new Span();
    final Button handIn = new Button("Hand in", VaadinIcon.UPLOAD_ALT.create());
    final Button back = new Button("Back to my runs");
    final Button toClassScene = new Button("Open the new scene");
    final Button showSpotlight = new Button("Show it");
    final Span spotlight = new Span();
    private final Div bar = new Div();
    private PlaygroundView playground;
    private String code = "";
    private String client;
    private String token;
    private ClassInfo info;
    /** The version of the class scene that the playground shows: what a hand-in is made on. */
    private int shownVersion;
    /** The student's own scene while the page shows another (the teacher's or the spotlight): Back restores it. */
    private Kept mine;

    /** A scene of the student's and the version of the class scene it was made on. */
    private record Kept(String scene, int version) {
    }

    public JoinView(ClassroomService classes, ClassEvents events) {
        this.classes = classes;
        this.events = events;
        addClassName("class-join");
        message.setId("join-message");
        message.addClassName("join-message");
        codeField.setId("class-code");
        codeField.setMaxLength(ClassroomService.CODE_LENGTH);
        codeField.setHelperText("6 letters and digits, as on the teacher's screen");
        nickname.setId("nickname");
        // No maximum length: the browser would cut a longer name silently; the server says why it is refused.
        nickname.setHelperText("1 to 24 characters, shown on the class's board");
        join.setId("join");
        join.addThemeVariants(ButtonVariant.PRIMARY);
        join.addClickShortcut(Key.ENTER);
        join.addClickListener(e -> joinClicked());
        handIn.setId("hand-in");
        handIn.addThemeVariants(ButtonVariant.PRIMARY);
        handIn.addClickListener(e -> handIn());
        back.setId("back-to-mine");
        back.addClickListener(e -> showMine());
        toClassScene.setId("to-class-scene");
        toClassScene.addClickListener(e -> showClassScene());
        showSpotlight.setId("show-spotlight");
        showSpotlight.addClickListener(e -> showSpotlight());
        for (Button action : List.of(back, toClassScene, showSpotlight)) {
            action.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        you.addClassName("class-you");
        place.setId("class-place");
        spotlight.setId("class-spotlight");
        Div head = new Div(you, back);
        head.addClassName("class-head");
        bar.addClassName("class-bar");
        bar.add(head, notices);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        code = event.getRouteParameters().get("code").orElse("").strip().toUpperCase(Locale.ROOT);
        client = event.getUI().getSession().getBrowser().getAddress();
        VaadinRequest request = VaadinRequest.getCurrent();
        Cookie[] cookies = request == null || request.getCookies() == null ? new Cookie[0] : request.getCookies();
        token = Arrays.stream(cookies).filter(c -> c.getName().equals(cookieName(code))).map(Cookie::getValue)
                .findFirst().orElse(null);
        removeAll();
        if (code.isEmpty()) {
            askCode();
            return;
        }
        try {
            info = classes.info(code, token, client);
        } catch (ClassroomException | RateLimitedException e) {
            message.setText(Sentences.of(e));
            askCode();
            return;
        }
        title.setText("Class " + info.code());
        if (token != null && signedIn().isPresent()) {
            enter();
        } else if (info.state() == ClassState.CLOSED) {
            add(title, message);
            message.setText("This class has ended.");
        } else {
            token = null;
            nickname.clear();
            add(title, message, nickname, join);
        }
    }

    private void askCode() {
        codeField.setValue(code);
        add(title, message, codeField, join);
    }

    private void joinClicked() {
        if (info == null) {
            String typed = codeField.getValue().strip().toUpperCase(Locale.ROOT);
            getUI().ifPresent(ui -> ui.navigate(ClassroomController.JOIN.substring(1) + typed));
            return;
        }
        try {
            token = classes.join(code, nickname.getValue(), client).token();
        } catch (ClassroomException e) {
            boolean aboutName = "name".equals(e.parameter());
            nickname.setInvalid(aboutName);
            nickname.setErrorMessage(aboutName ? Sentences.of(e) : null);
            message.setText(aboutName ? "" : Sentences.of(e));
            return;
        } catch (RateLimitedException e) {
            message.setText(Sentences.of(e));
            return;
        }
        rememberStudent();
        enter();
    }

    /**
     * A cookie for this class's pages, for 30 days: a reload or a new connection finds the student
     * again. It comes from the server, HttpOnly, so that no script in the page can read the token.
     * The app's push transport (WEBSOCKET_XHR) sends the page's events as XHR requests, whose
     * response can set a cookie; a websocket message could not.
     */
    private void rememberStudent() {
        VaadinRequest request = VaadinRequest.getCurrent();
        Cookie cookie = new Cookie(cookieName(code), token);
        cookie.setPath(request.getContextPath() + "/");
        cookie.setMaxAge(30 * 24 * 60 * 60);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        VaadinResponse.getCurrent().addCookie(cookie);
    }

    /** The student behind the token, if it is one of this class's. */
    private Optional<Board.Student> signedIn() {
        try {
            return Optional.of(classes.student(code, token, client));
        } catch (ClassroomException e) {
            return Optional.empty();
        }
    }

    /** The class's scene in the playground, with the class bar above it. */
    private void enter() {
        Board.Student me = signedIn().orElseThrow();
        removeAll();
        playground = Instantiator.get(getUI().orElseGet(UI::getCurrent))
                .getOrCreate(PlaygroundView.class);
        playground.addActions(handIn);
        playground.embed(info.scene(), HIDDEN);
        shownVersion = info.sceneVersion();
        you.setText("Class " + info.code() + " · you are " + me.name());
        me.handins().stream().filter(h -> h.sceneVersion() == info.sceneVersion()).max(Comparator.comparing(Handin::id))
                .ifPresent(this::showPlace);
        add(bar, playground);
        showSettings(null);
        if (isAttached()) {
            ClassUpdates.follow(this, events, code, FOLLOWED, this::changed);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (playground != null) {
            ClassUpdates.follow(this, events, code, FOLLOWED, this::changed);
        }
    }

    private void changed(Set<ClassEvent.Kind> kinds) {
        if (kinds.contains(ClassEvent.Kind.DELETED)) {
            message.setText("This class has ended.");
            removeAll();
            add(title, message);
            return;
        }
        ClassInfo before = info;
        try {
            info = classes.info(code, token, client);
        } catch (ClassroomException | RateLimitedException e) {
            notices.show(Notices.Kind.STATE, new Span(Sentences.of(e)));
            return;
        }
        if (info.sceneVersion() != before.sceneVersion()) {
            showClassScene();
            notices.show(Notices.Kind.SCENE, new Span("The teacher sent a new scene."
                    + (mine == null ? "" : " Your runs are one tap away: Back to my runs.")));
        }
        showSettings(before);
    }

    /**
     * The notices, the lock and the Hand in button as the teacher set them. A notice comes when
     * its setting changes (or with the page), so one the student dismissed stays away until then.
     *
     * @param before the class as the page showed it so far, or null for a page just shown
     */
    private void showSettings(ClassInfo before) {
        if (before == null || before.state() != info.state()) {
            switch (info.state()) {
                case PAUSED -> notices.show(Notices.Kind.STATE, new Span("Hand-ins are paused."));
                case CLOSED -> notices.show(Notices.Kind.STATE, new Span("The class is closed."));
                case OPEN -> notices.drop(Notices.Kind.STATE);
            }
        }
        if (before == null || before.locked() != info.locked()) {
            if (info.locked()) {
                notices.show(Notices.Kind.LOCKED, new Span("The teacher has locked editing: watch, or run the scene as it is."));
            } else {
                notices.drop(Notices.Kind.LOCKED);
            }
        }
        Handin shown = spotlit(info);
        if (shown != null) {
            spotlight.setText("On everyone's screen: " + (info.spotlightName() == null ? "a hand-in" : info.spotlightName() + "'s hand-in")
                    + ", " + shown.runs().stream().map(r -> r.label() + " (" + r.status().reason() + ")")
                    .reduce((a, b) -> a + "; " + b).orElse(""));
        }
        Handin was = before == null ? null : spotlit(before);
        if (before == null || !Objects.equals(shown == null ? null : shown.id(), was == null ? null : was.id())) {
            if (shown == null) {
                notices.drop(Notices.Kind.SPOTLIGHT);
            } else {
                notices.show(Notices.Kind.SPOTLIGHT, spotlight, showSpotlight);
            }
        }
        playground.setEditable(!info.locked());
        handIn.setEnabled(info.state() == ClassState.OPEN);
        back.setVisible(mine != null);
    }

    /** The spotlit hand-in if it was made on the class's scene as it is: an older one is no news. */
    private static Handin spotlit(ClassInfo of) {
        Handin shown = of.spotlight();
        return shown != null && shown.sceneVersion() == of.sceneVersion() ? shown : null;
    }

    /** Keeps the student's own scene before another one is shown, unless another one is shown already. */
    private void keepMine() {
        if (mine == null) {
            mine = playground.validScene().map(s -> new Kept(RunFormat.format(s), shownVersion)).orElse(null);
        }
    }

    private void showMine() {
        if (mine != null) {
            playground.embed(mine.scene(), HIDDEN);
            shownVersion = mine.version();
            mine = null;
            back.setVisible(false);
        }
    }

    /** The class's scene as the teacher sent it last, the student's own runs kept. */
    private void showClassScene() {
        keepMine();
        playground.embed(info.scene(), HIDDEN);
        shownVersion = info.sceneVersion();
        back.setVisible(mine != null);
        // A place on the scene before, or a hand-in refused there, no longer holds.
        notices.drop(Notices.Kind.PLACE);
    }

    /** The spotlit hand-in's runs on the class's scene, in the student's playground. */
    private void showSpotlight() {
        Handin shown = info.spotlight();
        if (shown == null) {
            return;
        }
        RunSpec scene = RunFormat.parse(info.scene());
        List<RunConfig> runs = shown.runs().stream().map(r -> RunFormat.parse(r.query()).runs().getFirst()).toList();
        keepMine();
        playground.embed(RunFormat.format(scene.withRuns(runs)), HIDDEN);
        shownVersion = info.sceneVersion();
        back.setVisible(mine != null);
    }

    /** Sends the runs on stage; the server computes them again and ranks them. */
    private void handIn() {
        Optional<RunSpec> scene = playground.validScene();
        if (scene.isEmpty()) {
            notPlaced("Fix the marked fields first: only a valid scene can be handed in.");
            return;
        }
        RunSpec spec = scene.get();
        Point classStart = RunFormat.parse(info.scene()).start();
        // The start is the class's unless the student moved it: then it travels with each run.
        List<String> runs = spec.runs().stream().map(r -> RunFormat.formatRun(new RunConfig(r.optimizer(), r.schedule(),
                Objects.equals(spec.startOf(r), classStart) ? r.start() : spec.startOf(r)))).toList();
        try {
            showPlace(classes.handIn(code, token, runs, shownVersion, client));
        } catch (ClassroomException e) {
            if (e.problem() == ClassroomException.Problem.STALE_SCENE) {
                // The runs stay on the page: the student may want to carry them over to the new scene.
                notPlaced("Not handed in: these runs are on the old scene, and the teacher has sent a new one since. "
                        + "Hand in runs of the new scene.", toClassScene);
            } else {
                notPlaced("Not handed in: " + e.getMessage() + ".");
            }
        } catch (FormatException | RateLimitedException e) {
            notPlaced("Not handed in: " + e.getMessage() + ".");
        }
    }

    private void notPlaced(String why, Component... actions) {
        place.setText(why);
        notices.show(Notices.Kind.PLACE, place, actions);
    }

    private void showPlace(Handin handin) {
        // The board's "best run": the lowest metric. Ranks alone tie when no other student beats either run.
        Optional<Handin.Run> best = handin.runs().stream().filter(r -> r.rank() != null)
                .min(Comparator.comparing(Handin.Run::rank).thenComparing(Handin.Run::metric,
                        Comparator.nullsLast(Comparator.naturalOrder())));
        place.setText(best.map(r -> "Handed in: place " + r.rank() + " with " + r.label()
                        + (r.metric() == null ? "" : " (" + Numbers.readable(r.metric()) + ")"))
                .orElse("Handed in " + handin.runs().size() + (handin.runs().size() == 1 ? " run." : " runs.")));
        notices.show(Notices.Kind.PLACE, place);
    }
}
