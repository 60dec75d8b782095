package org.lrplayground.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocket;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.Cookie;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lrplayground.Databases;
import org.lrplayground.LocalHttp;
import org.lrplayground.browser.BrowserConsole;
import org.lrplayground.browser.Races;
import org.lrplayground.browser.WithBrowser;
import org.lrplayground.classroom.ClassroomController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the packaged jar on one PostgreSQL database behind Debian's HAProxy with
 * deploy/haproxy.cfg, configured as docker-compose.yml configures them: a browser stays on the
 * instance that HAProxy's cookie names, and that instance's push reaches it through the proxy; a
 * class is the same class on either instance. Skipped without PostgreSQL ({@link Databases}),
 * which .ci/run sets up.
 *
 * <p>And the teacher's board open on one instance shows, live, a student joining and handing in on
 * the other: class events cross over PostgreSQL's LISTEN/NOTIFY, and the board's push through HAProxy.
 */
@WithBrowser
class TwoInstancesIT {

    /** HAProxy's stickiness cookie (deploy/haproxy.cfg): the name of the browser's instance. */
    private static final String STICKY = "LRP_INSTANCE";
    /** At the default 100 steps/s, a second of frames pushed every 100 ms. */
    private static final String RACE = "surface=booth&steps=100&run=sgd:lr=0.05&run=adam:lr=0.5";
    private static final String SCENE = "surface=booth&steps=200&run=sgd:lr=0.01";
    /** Two JVMs starting at once on a busy two-core CI machine. */
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final String READY = "/actuator/health/readiness";

    /** An application instance: its name in deploy/haproxy.cfg and its port. */
    private record Instance(String name, int port) {
        URI url(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }

    private static final List<ChildProcess> STARTED = new ArrayList<>();
    private static Instance a;
    private static Instance b;
    private static int proxyPort;

    @BeforeAll
    static void startTwoInstancesBehindHaproxy() throws Exception {
        Databases.assumePostgres();
        a = new Instance("app1", PackagedApp.freePort());
        b = new Instance("app2", PackagedApp.freePort());
        proxyPort = PackagedApp.freePort();
        List<ChildProcess> instances = new ArrayList<>();
        for (Instance instance : List.of(a, b)) {
            instances.add(start(instance.name(), PackagedApp.command(), Map.of(
                    // docker-compose.yml's settings
                    "SPRING_PROFILES_ACTIVE", "postgres", "DATABASE_URL", Databases.POSTGRES_URL,
                    "DATABASE_USER", Databases.postgresUser(), "DATABASE_PASSWORD", Databases.postgresPassword(),
                    "LRP_TRUSTED_PROXIES", "127.0.0.1", "PORT", Integer.toString(instance.port()))));
        }
        instances.getFirst().awaitOk(a.url(READY), STARTUP);
        instances.getLast().awaitOk(b.url(READY), STARTUP);
        ChildProcess haproxy = start("haproxy", Haproxy.command("-db"), Map.of("LRP_BIND", "127.0.0.1:" + proxyPort,
                "LRP_APP1", "127.0.0.1:" + a.port(), "LRP_APP2", "127.0.0.1:" + b.port()));
        haproxy.awaitOk(URI.create(proxy(READY)), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopThem() throws InterruptedException {
        STARTED.reversed().forEach(ChildProcess::stop);
        for (ChildProcess process : STARTED.reversed()) {
            process.close();
        }
    }

    @Test
    void aBrowserStaysOnTheInstanceItsCookieNamesAndThatInstancesPushCarriesARaceThroughHaproxy(Page page,
                                                                                                BrowserConsole console) {
        raceOverPush(page, () -> page.navigate(proxy("/?" + RACE)));
        String picked = instanceOf(page.context());
        assertThat(picked).isIn(a.name(), b.name());
        assertThat(console.errors()).isEmpty();

        Instance other = picked.equals(a.name()) ? b : a;
        try (BrowserContext second = page.context().browser().newContext()) {
            Page there = second.newPage();
            raceOverPush(there, () -> openThroughHaproxyOn(there, other, "/?" + RACE));
            // HAProxy replaces the cookie of a browser that it sends to another instance: unchanged, it served it.
            assertThat(instanceOf(second)).isEqualTo(other.name());
        }
    }

    @Test
    void aHandInOnOneInstanceIsOnTheBoardThatTheOtherServes() throws Exception {
        Created created = classThroughHaproxy();
        assertThat(created.joinUrl()).as("links name the proxy, not an instance")
                .isEqualTo("http://localhost:" + proxyPort + "/join/" + created.code());

        String token = join(a, created.code(), "Ada");
        handIn(a, created.code(), token, "sgd:lr=0.05");
        JsonNode board = json(LocalHttp.get(b.port(), "/api/classes/" + created.code(),
                "Authorization", "Bearer " + created.teacherKey()), 200);

        assertThat(board.get("students")).singleElement().satisfies(student -> {
            assertThat(student.get("name").asString()).isEqualTo("Ada");
            assertThat(student.get("handins")).singleElement()
                    .satisfies(h -> assertThat(h.get("runs").get(0).get("label").asString()).isEqualTo("SGD lr=0.05"));
        });
    }

    @Test
    void aBoardOnOneInstanceShowsLiveAHandInMadeOnTheOther(Page page, BrowserConsole console) throws Exception {
        Created created = classThroughHaproxy();
        openThroughHaproxyOn(page, b, ClassroomController.BOARD + created.code() + "#key=" + created.teacherKey());
        PlaywrightAssertions.assertThat(page.locator("#board-counts")).hasText("0 joined · 0 handed in");

        String token = join(a, created.code(), "Ada");
        PlaywrightAssertions.assertThat(page.locator("#board-counts")).hasText("1 joined · 0 handed in");
        long sent = System.nanoTime();
        handIn(a, created.code(), token, "sgd:lr=0.05");
        PlaywrightAssertions.assertThat(page.locator("#board-counts")).hasText("1 joined · 1 handed in");
        page.waitForFunction("() => document.querySelector('.board-plot').pointCount > 1");
        System.out.printf("TwoInstancesIT: a hand-in on %s was drawn on %s's board %d ms after it was sent%n",
                a.name(), b.name(), (System.nanoTime() - sent) / 1_000_000);

        PlaywrightAssertions.assertThat(page.locator("#leaderboard")).containsText("Ada");
        assertThat(instanceOf(page.context())).as("the board stayed on its instance").isEqualTo(b.name());
        assertThat(console.errors()).isEmpty();
    }

    /** A class as the API answers its making: its code, the teacher's key and the link students join by. */
    private record Created(String code, String teacherKey, String joinUrl) {
    }

    /** Makes a class of {@link #SCENE} through HAProxy, on whichever instance it picks. */
    private static Created classThroughHaproxy() throws IOException, InterruptedException {
        JsonNode c = json(LocalHttp.post(proxyPort, "/api/classes", "scene=" + encode(SCENE)), 201);
        return new Created(c.get("code").asString(), c.get("teacherKey").asString(), c.get("joinUrl").asString());
    }

    /** Joins {@code name} to the class directly on {@code instance}; the student's token. */
    private static String join(Instance instance, String code, String name) throws IOException, InterruptedException {
        return json(LocalHttp.post(instance.port(), "/api/classes/" + code + "/students", "name=" + encode(name)), 201)
                .get("token").asString();
    }

    /** Hands in one run directly on {@code instance}. */
    private static void handIn(Instance instance, String code, String token, String run) throws IOException, InterruptedException {
        json(LocalHttp.post(instance.port(), "/api/classes/" + code + "/handins", "run=" + encode(run),
                "Authorization", "Bearer " + token), 201);
    }

    /**
     * Opens {@code path} through HAProxy on {@code instance}: the browser brings HAProxy's cookie
     * for it, as after an earlier visit that HAProxy sent there.
     */
    private static void openThroughHaproxyOn(Page page, Instance instance, String path) {
        page.context().addCookies(List.of(new Cookie(STICKY, instance.name()).setUrl(proxy("/"))));
        page.navigate(proxy(path));
    }

    /** Which instance HAProxy's cookie in {@code browser} names. */
    private static String instanceOf(BrowserContext browser) {
        return browser.cookies(proxy("/")).stream().filter(c -> c.name.equals(STICKY)).map(c -> c.value).findFirst()
                .orElseThrow(() -> new AssertionError("HAProxy set no " + STICKY + " cookie"));
    }

    /** Opens {@link #RACE} in {@code page} with {@code open}, runs it to its end and checks that push brought it. */
    private static void raceOverPush(Page page, Runnable open) {
        PushSocket push = PushSocket.of(page);
        open.run();
        page.click("#run");
        page.waitForFunction(Races.ENDED);
        push.assertCarriedFrames();
    }

    /** Vaadin's push websocket of a page, as the browser saw it: through HAProxy. */
    private static final class PushSocket {
        private final List<WebSocket> sockets = new ArrayList<>();
        private int frames;

        static PushSocket of(Page page) {
            PushSocket push = new PushSocket();
            page.onWebSocket(socket -> {
                if (socket.url().contains("/VAADIN/push")) {
                    push.sockets.add(socket);
                    socket.onFrameReceived(frame -> push.frames++);
                }
            });
            return push;
        }

        /** One websocket, still open, that brought the race's frames (not a fallback to long polling). */
        void assertCarriedFrames() {
            assertThat(sockets).as("push websockets").hasSize(1);
            assertThat(sockets.getFirst().isClosed()).as("push websocket closed").isFalse();
            // A second of frames every 100 ms is about ten messages (eleven here); half leaves room for a slow machine.
            assertThat(frames).as("messages pushed over the websocket").isGreaterThanOrEqualTo(5);
        }
    }

    private static ChildProcess start(String name, List<String> command, Map<String, String> environment) throws IOException {
        ChildProcess process = ChildProcess.start(name, command, environment);
        STARTED.add(process);
        return process;
    }

    private static String proxy(String path) {
        return "http://127.0.0.1:" + proxyPort + path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("%s %s answered %s", response.request().method(), response.request().uri(),
                response.body()).isEqualTo(status);
        return JsonMapper.shared().readTree(response.body());
    }
}
