package org.lrplayground.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The packaged jar as its own JVM, for the tests that start the application as it is deployed. */
final class PackagedApp {

    private PackagedApp() {
    }

    /** The command that starts the jar that failsafe names in {@code app.jar}. */
    static List<String> command() {
        String jar = System.getProperty("app.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("this test starts the packaged jar, which is not there (app.jar=" + jar
                    + "): run it with ./mvnw verify, or ./mvnw package and -Dapp.jar=target/lr-playground-<version>.jar");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only: start-up is what counts here, and JVMs starting at once on two cores leave C2 little CPU.
        return List.of(java, "-XX:TieredStopAtLevel=1", "-jar", Path.of(jar).toAbsolutePath().toString());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
