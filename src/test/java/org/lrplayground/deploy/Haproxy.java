package org.lrplayground.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Debian's haproxy and the committed configuration it checks or runs. */
final class Haproxy {

    static final Path CONFIG = Path.of("deploy", "haproxy.cfg");
    private static final Path EXECUTABLE = Path.of(System.getProperty("haproxy.executable", "/usr/sbin/haproxy"));

    private Haproxy() {
    }

    /** {@code haproxy <options> -f deploy/haproxy.cfg}, e.g. {@code -c} to check it or {@code -db} to run it in the foreground. */
    static List<String> command(String... options) {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("The HAProxy tests need haproxy at " + EXECUTABLE
                    + " (Debian: apt-get install haproxy; elsewhere pass -Dhaproxy.executable=<path>)");
        }
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString()));
        command.addAll(List.of(options));
        command.addAll(List.of("-f", CONFIG.toString()));
        return command;
    }
}
