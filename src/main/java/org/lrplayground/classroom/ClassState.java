package org.lrplayground.classroom;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a class takes hand-ins. A closed class stays closed and is removed by the retention job. */
public enum ClassState {
    OPEN("open"),
    /** Students keep their page; hand-ins are refused until the teacher opens the class again. */
    PAUSED("paused"),
    CLOSED("closed");

    private final String id;

    ClassState(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
