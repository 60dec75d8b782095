package org.lrplayground.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** deploy/haproxy.cfg passes {@code haproxy -c}, as docker-compose.yml starts it and as TwoInstancesIT does. */
class HaproxyConfigTest {

    /** What {@code haproxy -c} said, and its exit code. */
    private record Check(int exitCode, String output) {
    }

    private static Check check(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Haproxy.command("-c")).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("LRP_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Check(process.waitFor(), output);
    }

    @Test
    void withComposesDefaultsItIsValidWhereTheirHostnamesDoNotResolve() throws Exception {
        Check check = check(Map.of());

        assertThat(check.exitCode()).as("haproxy -c said:%n%s", check.output()).isZero();
    }

    @Test
    void withTheAddressesFromTheEnvironmentItHasNoWarnings() throws Exception {
        Check check = check(Map.of("LRP_BIND", "127.0.0.1:18080", "LRP_APP1", "127.0.0.1:18081", "LRP_APP2", "127.0.0.1:18082"));

        assertThat(check.exitCode()).as("haproxy -c said:%n%s", check.output()).isZero();
        assertThat(check.output()).doesNotContain("[WARNING]", "[ALERT]");
    }
}
