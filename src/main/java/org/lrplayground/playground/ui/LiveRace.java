package org.lrplayground.playground.ui;

import com.vaadin.flow.component.UI;
import java.util.function.Consumer;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.race.Frame;
import org.lrplayground.race.RaceService;
import org.lrplayground.race.RaceService.Playback;
import org.lrplayground.race.RunService;
import org.lrplayground.ui.RaceDisplay;

/**
 * The playground's race: which scene the display shows, how far, and what an edit does to it.
 * An edit never throws results away: a finished race, or one at Instant speed, is recomputed and
 * drawn at once; a playing one replays from the start; a paused one is shown up to the same step;
 * one not yet started stays at its start. The timeline may show an earlier step than the last
 * delivered ({@link #scrub}): markers over the points the page has, nothing computed again.
 */
class LiveRace {

    private final RaceService service;
    private final RunService runs;
    private final RaceDisplay display;
    private final Timeline timeline;
    private final Runnable changed;
    private final Consumer<String> refused;
    private Playback playback;
    /** Counts the playbacks opened, so that frames still in flight from a closed one are dropped. */
    private int generation;
    private boolean started;
    private double speed;
    /** The step the timeline shows when scrubbed back from the last one delivered; null at the last. */
    private Integer at;
    /** The open "Explain this step" dialog, which follows the timeline; null when none. */
    private ExplainDialog explaining;

    /**
     * @param changed called after every state change (the last frame of a race is one), on the UI thread
     * @param refused called with the reason when a race costs too much or the server has no room for it
     */
    LiveRace(RaceService service, RunService runs, RaceDisplay display, Timeline timeline, Runnable changed,
             Consumer<String> refused) {
        this.service = service;
        this.runs = runs;
        this.display = display;
        this.timeline = timeline;
        this.changed = changed;
        this.refused = refused;
    }

    /** Shows a scene, keeping what the user was doing with the previous one. */
    void show(RunSpec spec) {
        boolean wasPlaying = playing();
        boolean wasFinished = finished();
        int at = playback == null ? 0 : playback.position();
        if (!open(spec)) {
            return;
        }
        if (started && (wasFinished || speed == RaceService.INSTANT)) {
            playback.finish();
        } else if (wasPlaying) {
            playback.play(speed);
        } else {
            playback.seek(started ? at : 0);
        }
        changed.run();
    }

    /** The same scene again, drawn anew up to where it was (another layout). */
    void redraw() {
        if (playback != null) {
            boolean wasPlaying = playing();
            int at = playback.position();
            if (!open(playback.spec())) {
                return;
            }
            playback.seek(at);
            if (wasPlaying) {
                playback.play(speed);
            }
            changed.run();
        }
    }

    /** Back to the start of the scene, not yet run. */
    void reset() {
        if (playback != null) {
            started = false;
            if (!open(playback.spec())) {
                return;
            }
            playback.seek(0);
            changed.run();
        }
    }

    void setSpeed(double stepsPerSecond) {
        speed = stepsPerSecond;
        if (playing()) {
            playback.pause();
            playback.play(speed);
        }
    }

    /** Run, Pause, or Run again from the start when finished. */
    void toggle() {
        if (playback == null) {
            return;
        }
        if (playing()) {
            playback.pause();
            display.results().flush();
        } else {
            if (finished()) {
                reset();
            }
            started = true;
            at = null; // playing shows the race as it comes, not a step scrubbed to
            display.scrub(null);
            playback.play(speed);
        }
        changed.run();
    }

    void step() {
        if (playback != null && !finished()) {
            started = true;
            at = null;
            display.scrub(null);
            playback.step();
            follow();
            changed.run();
        }
    }

    /**
     * Shows step {@code step} of what has been delivered (clamped to it), pausing a playing race:
     * each run's position at that step is marked, nothing is computed.
     */
    void scrub(int step) {
        if (playback == null) {
            return;
        }
        if (playing()) {
            playback.pause();
            display.results().flush();
            changed.run();
        }
        int last = playback.position();
        at = step >= last ? null : Math.max(0, step);
        display.scrub(at);
        showTimeline();
        follow();
    }

    /**
     * "Explain this step": the dialog for the step shown, of the first run. The step it explains is
     * drawn on the plot and shown by the timeline, and it follows the timeline while open.
     */
    void explain() {
        if (playback == null || explaining != null) {
            return;
        }
        explaining = new ExplainDialog(runs, playback.spec(), 0, shownStep(), Math.max(0, playback.position()),
                (run, e) -> {
                    display.showStep(run, e);
                    if (e.t() != shownStep()) {
                        scrub(e.t());
                    }
                });
        explaining.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                display.clearStep();
                explaining = null;
            }
        });
        explaining.open();
    }

    private void follow() {
        if (explaining != null && playback != null) {
            explaining.follow(Math.max(1, shownStep()), playback.position());
        }
    }

    /** The step before the one shown. */
    void stepBack() {
        scrub(shownStep() - 1);
    }

    /** The step after the one shown; from the last one delivered, one more update, as Step does. */
    void stepForward() {
        if (at != null) {
            scrub(at + 1);
        } else {
            step();
        }
    }

    /** The step the timeline shows: the scrubbed one, or the last delivered. */
    int shownStep() {
        return at != null ? at : playback == null ? 0 : Math.max(0, playback.position());
    }

    private void showTimeline() {
        int last = playback == null ? -1 : playback.position();
        timeline.show(last, at != null ? at : Math.max(0, last), playback != null && !finished());
    }

    /** Whether more of the race is on its way (a worker may be a moment from ending after the last frame). */
    boolean playing() {
        return playback != null && playback.playing() && !playback.finished();
    }

    boolean finished() {
        return playback != null && playback.finished();
    }

    /** Whether anything beyond the start has been shown (Reset has something to undo). */
    boolean started() {
        return started;
    }

    /** Leaves the race (the page goes). */
    void close() {
        if (playback != null) {
            playback.close();
            playback = null;
            generation++;
        }
    }

    /**
     * Watches a scene instead of the current one; false, with the reason told, when it costs more
     * than the work budget allows or the server has no room.
     */
    private boolean open(RunSpec spec) {
        close();
        if (explaining != null) {
            explaining.close(); // it explains the scene that goes
        }
        UI ui = UI.getCurrent();
        int mine = generation;
        try {
            runs.check(spec);
            playback = service.watch(spec, frame -> {
                // Seeks deliver on the request thread, which holds the session lock already.
                if (ui.getSession() != null && ui.getSession().hasLock()) {
                    apply(mine, frame);
                } else {
                    ui.access(() -> apply(mine, frame));
                }
            });
        } catch (FormatException | RaceService.BusyException e) {
            refused.accept("Not run: " + e.getMessage() + ".");
            changed.run();
            return false;
        }
        display.show(spec, playback.fStar());
        at = null;
        showTimeline();
        return true;
    }

    private void apply(int from, Frame frame) {
        if (from == generation && playback != null) {
            display.draw(frame);
            showTimeline();
            if (!playing()) {
                display.results().flush();
            }
            if (frame.finished()) {
                suggestStableRates(frame);
                // The controls change only when the race ends; the caller of a seek or step updates
                // them itself. Updating them on every frame pushed eleven buttons' states each time.
                changed.run();
            }
        }
    }

    /** For each run whose rate was too large, the largest that holds, when a short search finds one. */
    private void suggestStableRates(Frame frame) {
        for (int r = 0; r < frame.runs().size(); r++) {
            if (frame.runs().get(r).status().cause() == RunStatus.Cause.RATE_TOO_LARGE) {
                int run = r;
                runs.stableLr(playback.spec(), r).ifPresent(lr -> display.results().suggest(run, lr));
            }
        }
    }
}
