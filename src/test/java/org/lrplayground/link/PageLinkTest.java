package org.lrplayground.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.RunSpec;

/**
 * Links are forever: a bad link opens with every valid part, and each ignored part gets one note.
 * Each row: the link, the link its valid parts alone make (parsed strictly), the expected notes.
 */
class PageLinkTest {

    static Stream<Arguments> badLinks() {
        return Stream.of(
                bad("run=sgd&run=adam&run=lion:lr=0.1", "run=sgd&run=adam", "ignored run 3: unknown optimizer 'lion'"),
                bad("colour=red&run=sgd", "run=sgd", "ignored colour: unknown parameter 'colour'"),
                bad("steps=abc&run=sgd", "run=sgd", "ignored steps: steps must be a number, not 'abc' (accepted: whole numbers 1 to 100000)"),
                bad("steps=0&noise=-1&run=sgd", "run=sgd", "ignored steps: steps = 0 is not accepted (accepted: whole numbers 1 to 100000)",
                        "ignored noise: noise = -1 is not accepted (accepted: 0 ≤ noise ≤ 1000000)"),
                bad("steps=10&steps=20&run=sgd", "run=sgd", "ignored steps: steps is given 2 times (accepted: once)"),
                bad("surface=nowhere&run=sgd", "run=sgd", "ignored surface: unknown surface 'nowhere'"),
                bad("surface=booth&run=sgd:sched=sometimes&run=adam", "surface=booth&run=adam", "ignored run 1: unknown schedule 'sometimes'"),
                bad("run=adam:lr=0.01,beta1=2", "run=adam:lr=0.01", "ignored beta1 in run 1: beta1 = 2 is not accepted (accepted: 0 ≤ beta1 ≤ 0.9999)"),
                bad("run=adam:lr=0.01,lookahead=5", "run=adam:lr=0.01", "ignored lookahead in run 1: unknown key 'lookahead' for adam with schedule constant"),
                bad("run=sgd:lr,sched=cosine", "run=sgd:sched=cosine", "ignored 'lr' in run 1: 'lr' is not of the form key=value"),
                bad("run=sgd:lr=0.1,lr=0.2", "run=sgd:lr=0.1", "ignored 'lr' in run 1: lr is given twice"),
                bad("run=sgd:lr=0.1,sched=cosine,eta_min=1&run=adam", "run=adam", "ignored run 1: eta_min"),
                bad("run=lion", "run=sgd", "ignored run 1: unknown optimizer 'lion'"),
                bad("run=sgd:lr=0.1,x0=1&run=adam:x0=1,y0=up", "run=sgd:lr=0.1&run=adam",
                        "ignored x0, y0 in run 1: a run's own start needs both x0 and y0",
                        "ignored x0, y0 in run 2: 'up' in y0 is not a number"),
                bad("", "run=sgd"),
                bad("run=sgd&" + "run=adam&".repeat(RunSpec.MAX_RUNS), "run=sgd&" + "run=adam&".repeat(RunSpec.MAX_RUNS - 1),
                        "ignored the runs after run 12: 13 runs given (accepted: at most 12)"),
                bad("batch=4&run=sgd", "run=sgd", "ignored batch: batch = 4 is not accepted: rosenbrock has no data rows, so batch must be 1"),
                bad("start=1,north&box=2,-2,-1,3&run=sgd", "run=sgd", "ignored box: box must have xmin < xmax",
                        "ignored start: 'north' in start is not a number"),
                bad("f=x^2&surface=booth&run=sgd", "surface=booth&run=sgd", "ignored f: f= applies only to surface=custom"),
                bad("surface=custom&f=x*(y&run=sgd", "run=sgd", "ignored f: "),
                bad("surface=custom&run=sgd", "run=sgd", "ignored f: the custom surface needs an expression"),
                bad("surface=ravine&kappa=0&run=sgd", "surface=ravine&run=sgd", "ignored kappa: kappa = 0 is not accepted"),
                bad("run=sgd&steps=%zz&st%eps=1", "run=sgd", "ignored steps: '%zz' is not correctly percent-encoded",
                        "ignored st%eps: 'st%eps' is not correctly percent-encoded"),
                bad("v=banana&play=2&run=sgd", "run=sgd", "ignored v: v must be a number", "ignored play: play = 2 is not accepted"),
                bad("v=7&hide=chart,<script>,lr&run=momentum", "hide=chart,lr&run=momentum",
                        "ignored hide: '<script>' is not a control name"),
                bad("speed=very fast&side=yes&lesson=../x&speed=instant&run=sgd", "run=sgd",
                        "ignored speed: speed is given 2 times", "ignored side: side must be a number",
                        "ignored lesson: '../x' is not a name"),
                bad("view=3d&view=contour&run=sgd", "run=sgd", "ignored view: view is given 2 times"),
                bad("view=<canvas>&run=sgd", "run=sgd", "ignored view: '<canvas>' is not a name"),
                bad("start=9,9&run=sgd", "start=2,3&run=sgd", "ignored start: (9, 9) is outside the box x ∈ [-2, 2], "
                        + "y ∈ [-1, 3]; the runs start at its nearest point, (2, 3)"));
    }

    private static Arguments bad(String link, String validParts, String... notes) {
        return Arguments.of(link, validParts, notes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLinks")
    void aBadLinkOpensWithItsValidPartsAndNotesEachIgnoredOne(String link, String validParts, String[] notes) {
        PageLink.Opened opened = PageLink.open(link);

        assertThat(opened.spec()).isEqualTo(PageLink.spec(validParts));
        assertThat(opened.options()).isEqualTo(PageLink.open(validParts).options());
        assertThat(opened.notes()).hasSize(notes.length);
        for (int i = 0; i < notes.length; i++) {
            assertThat(opened.notes().get(i)).startsWith(notes[i]);
        }
    }

    @Test
    void notesLeaveOutLongListsOfAcceptedNames() {
        assertThat(PageLink.open("run=lion").notes()).containsExactly("ignored run 1: unknown optimizer 'lion'");
    }

    @Test
    void aGeneratedLinkCarriesTheVersionAndItsOptionsAndReadsBackWithoutNotes() {
        RunSpec spec = PageLink.spec("surface=booth&run=adam:lr=0.05&run=sgd");
        PageOptions options = new PageOptions(true, List.of("chart", "lr"), "instant", true, "banana-valley", "3d-log");

        String link = PageLink.format(spec, options);
        PageLink.Opened opened = PageLink.open(link);

        assertThat(link).startsWith("v=1&surface=booth&")
                .endsWith("&play=1&hide=chart,lr&speed=instant&side=1&lesson=banana-valley&view=3d-log");
        assertThat(opened).isEqualTo(new PageLink.Opened(spec, options, List.of()));
        assertThat(PageLink.spec(link)).as("strict parsing accepts the link keys").isEqualTo(spec);
        assertThat(PageLink.format(spec, PageOptions.NONE)).isEqualTo("v=1&" + RunFormat.format(spec));
    }

    @Test
    void aLinkWithoutAViewOpensTheContourPlotAndAViewRoundTrips() {
        RunSpec spec = PageLink.spec("surface=himmelblau&run=sgd");

        assertThat(PageLink.open("v=1&surface=himmelblau&run=sgd").options().view()).as("an old link").isEmpty();
        for (String view : List.of("3d", "3d-log")) {
            String link = PageLink.format(spec, PageOptions.NONE.withView(view));
            assertThat(link).endsWith("&view=" + view);
            assertThat(PageLink.open(link)).isEqualTo(new PageLink.Opened(spec, PageOptions.NONE.withView(view), List.of()));
        }
    }

    @Test
    void strictParsingStillRejectsBadLinkKeys() {
        FormatException e = org.assertj.core.api.Assertions.catchThrowableOfType(FormatException.class,
                () -> PageLink.spec("play=yes&run=sgd"));

        assertThat(e.parameter()).isEqualTo("play");
    }

    /** Fixed-seed garbage: random fragments of link syntax never make the lenient parse throw. */
    @Test
    void anyTextOpens() {
        String[] pieces = {"run=", "sgd", "adam", ":", ",", "=", "&", "lr", "0.1", "-", "sched", "cosine", "%", "%2", "x^2",
                "surface", "custom", "f", "box", "start", "steps", "9e99", "lion", "(", "hide", "play", "v", "batch",
                "linreg", "kappa", "ravine", "\u00e9", " "};
        Random random = new Random(42);
        for (int n = 0; n < 5000; n++) {
            StringBuilder link = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                link.append(pieces[random.nextInt(pieces.length)]);
            }
            PageLink.Opened opened = PageLink.open(link.toString());
            assertThat(opened.spec().runs()).as(link.toString()).isNotEmpty();
            assertThat(opened.notes()).as("recovered part by part: %s", link).noneMatch(note -> note.startsWith("ignored the link"));
        }
    }
}
