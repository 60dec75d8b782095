package org.lrplayground.classroom;

/**
 * A class request that cannot be served, with what went wrong as data: the HTTP API maps
 * {@link #problem} to a status, a view to a message of its own or this one, which is meant for users.
 */
public final class ClassroomException extends RuntimeException {

    public enum Problem {
        /** No class has this code (or it was removed). */
        UNKNOWN_CLASS,
        /** The request carries no teacher key or student token. */
        NOT_SIGNED_IN,
        /** The teacher key or student token is not this class's. */
        WRONG_SECRET,
        /** The class is paused or closed: nothing may be handed in or changed. */
        NOT_OPEN,
        /** The nickname is empty, too long or holds control characters. */
        BAD_NAME,
        /** Another student of the class has this nickname (in any case). */
        NAME_TAKEN,
        /** The class has as many students as it may have. */
        CLASS_FULL,
        /** No hand-in of this class has this id. */
        UNKNOWN_HANDIN,
        /** The hand-in was made on a scene the teacher has replaced since. */
        STALE_SCENE
    }

    private final Problem problem;
    private final String parameter;

    ClassroomException(Problem problem, String message) {
        this(problem, message, null);
    }

    ClassroomException(Problem problem, String message, String parameter) {
        super(message);
        this.problem = problem;
        this.parameter = parameter;
    }

    public Problem problem() {
        return problem;
    }

    /** The request parameter at fault, e.g. {@code name}; null when no single one is. */
    public String parameter() {
        return parameter;
    }
}
