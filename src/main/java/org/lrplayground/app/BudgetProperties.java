package org.lrplayground.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The work budget ({@code lrp.budget.*}); README.md, "Work budget", explains each.
 *
 * @param maxSteps          the most weighted steps one request or page action may cost
 *                          ({@link org.lrplayground.engine.run.Cost}); beyond, a 400 naming the key to lower
 * @param inlineSteps       costs up to this run on the caller's own thread; dearer ones wait for a worker
 * @param workers           threads for the dear computations; 0 for one per core
 * @param queue             dear computations that may wait for a worker; beyond, a 503
 * @param retryAfterSeconds what a 503's Retry-After (and a dialog's "try again in") says
 */
@ConfigurationProperties("lrp.budget")
public record BudgetProperties(@DefaultValue("200000000") long maxSteps, @DefaultValue("1000000") long inlineSteps,
                               @DefaultValue("0") int workers, @DefaultValue("4") int queue,
                               @DefaultValue("5") int retryAfterSeconds) {

    public BudgetProperties {
        if (maxSteps < 1 || inlineSteps < 0 || workers < 0 || queue < 1 || retryAfterSeconds < 1) {
            throw new IllegalArgumentException("lrp.budget: max-steps, queue and retry-after-seconds must be at least 1, "
                    + "inline-steps and workers at least 0 (got " + this + ")");
        }
    }

    /** The workers: as configured, or one per core. */
    int threads() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }
}
