package org.lrplayground.browser;

/** What browser tests wait for on a race page. */
public final class Races {

    /** A page function true once every run in the results table has ended. */
    public static final String ENDED = "() => { const s = [...document.querySelectorAll('.race-results .cell-status')];"
            + " return s.length > 0 && s.every(e => e.getAttribute('kind') !== 'running'); }";

    private Races() {
    }
}
