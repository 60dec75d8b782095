package org.lrplayground.classroom;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Class events across instances over PostgreSQL's LISTEN/NOTIFY (the postgres profile).
 *
 * <p>Each instance holds one connection of its own, outside the pool, on which a daemon thread
 * LISTENs on {@value #CHANNEL}; notifications are sent through the ordinary pool. The payload is
 * {@code <code>:<kind>:<instance>}, a few bytes and never data. Subscribers of this instance get
 * its own events at once, from {@link #publish}; the instance tag lets the listener drop their
 * echo, so that every event reaches every subscriber exactly once. A lost listening connection is
 * opened again; events sent while it was down are missed by this instance's boards until the next.
 */
public final class PostgresClassEvents implements ClassEvents, AutoCloseable {

    static final String CHANNEL = "lrp_class";

    private static final Logger log = LoggerFactory.getLogger(PostgresClassEvents.class);
    /** How long a wait for notifications lasts before the thread looks whether it should stop. */
    private static final int POLL_MILLIS = 500;
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(5);
    /** Boards opened right after start-up should not miss events, so start() waits this long for the LISTEN. */
    private static final Duration START_WAIT = Duration.ofSeconds(10);

    /** Opens the listening connection; called again after it was lost. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final LocalClassEvents local = new LocalClassEvents();
    private final JdbcTemplate notify;
    private final ConnectionSource listenOn;
    private final String instance = Secrets.random(new SecureRandom()).substring(0, 8);
    private final CountDownLatch listening = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Thread listener;

    /**
     * @param notifyThrough the application's pool, for NOTIFY
     * @param listenOn      a connection of this instance's own, kept open for LISTEN
     */
    public PostgresClassEvents(DataSource notifyThrough, ConnectionSource listenOn) {
        this.notify = new JdbcTemplate(notifyThrough);
        this.listenOn = listenOn;
    }

    /** Starts listening, and waits a few seconds for the LISTEN to be in place. */
    public synchronized void start() throws InterruptedException {
        if (listener != null) {
            return;
        }
        listener = Thread.ofPlatform().daemon().name("lrp-class-events").start(this::listen);
        if (!listening.await(START_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("Class events: not yet listening on PostgreSQL after {} s; boards on other instances stay "
                    + "unaware of this one's changes until it is", START_WAIT.toSeconds());
        }
    }

    @Override
    public void publish(String code, ClassEvent.Kind kind) {
        local.publish(code, kind);
        try {
            notify.query("select pg_notify(?, ?)", rs -> null, CHANNEL, code + ":" + kind.id() + ":" + instance);
        } catch (DataAccessException e) {
            // The change is stored: only other instances' boards miss it until their next event.
            log.warn("Class events: could not notify other instances of {} in class {}: {}", kind, code, e.toString());
        }
    }

    @Override
    public Subscription subscribe(String code, Consumer<ClassEvent> listener) {
        return local.subscribe(code, listener);
    }

    @Override
    public void close() throws InterruptedException {
        stopped.countDown();
        Thread thread;
        synchronized (this) {
            thread = listener;
        }
        if (thread != null) {
            thread.join(Duration.ofMillis(POLL_MILLIS * 4L));
        }
    }

    private void listen() {
        while (stopped.getCount() > 0) {
            try (Connection connection = listenOn.open()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                listening.countDown();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (stopped.getCount() > 0) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            received(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                log.warn("Class events: listening on PostgreSQL failed ({}); trying again in {} s", e.toString(),
                        RECONNECT_AFTER.toSeconds());
                try {
                    if (stopped.await(RECONNECT_AFTER.toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** A payload from any instance; this one's own were delivered by {@link #publish} already. */
    private void received(String payload) {
        String[] parts = payload.split(":");
        if (parts.length != 3 || parts[2].equals(instance)) {
            return;
        }
        ClassEvent.Kind.byId(parts[1]).ifPresentOrElse(kind -> local.deliver(new ClassEvent(parts[0], kind)),
                () -> log.debug("Class events: ignored a notification of an unknown kind: {}", payload));
    }
}
