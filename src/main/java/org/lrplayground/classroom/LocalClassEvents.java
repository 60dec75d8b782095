package org.lrplayground.classroom;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Class events within this instance: the default, and the local half of {@link PostgresClassEvents}. */
public final class LocalClassEvents implements ClassEvents {

    private static final Logger log = LoggerFactory.getLogger(LocalClassEvents.class);

    private final Map<String, Set<Consumer<ClassEvent>>> listeners = new ConcurrentHashMap<>();

    @Override
    public void publish(String code, ClassEvent.Kind kind) {
        deliver(new ClassEvent(code, kind));
    }

    /** Hands {@code event} to its class's listeners; one that fails is logged, and the others still get it. */
    void deliver(ClassEvent event) {
        for (Consumer<ClassEvent> listener : listeners.getOrDefault(event.code(), Set.of())) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("A listener of class {} failed on {}", event.code(), event.kind(), e);
            }
        }
    }

    @Override
    public Subscription subscribe(String code, Consumer<ClassEvent> listener) {
        // A wrapper of its own per subscription: the same listener subscribed twice is called twice
        // and each subscription removes only itself.
        Consumer<ClassEvent> own = listener::accept;
        listeners.compute(code, (c, set) -> {
            Set<Consumer<ClassEvent>> out = set != null ? set : ConcurrentHashMap.newKeySet();
            out.add(own);
            return out;
        });
        return () -> listeners.computeIfPresent(code, (c, set) -> {
            set.remove(own);
            return set.isEmpty() ? null : set;
        });
    }
}
