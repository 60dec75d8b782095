package org.lrplayground.app;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Takes the client's address and scheme from {@code X-Forwarded-For} and {@code X-Forwarded-Proto}
 * only on requests from the proxies in {@code lrp.trusted-proxies} (README, "Trusted proxies").
 * Anyone else could write any address there, and the limits per client address (unknown class
 * codes) would count nothing; so by default no one is trusted. The client is the right-most
 * address of the chain that is no trusted proxy: the ones left of it are the client's to write.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    static final String PROPERTY = "lrp.trusted-proxies";

    private final List<String> proxies;

    TrustedProxies(@Value("${" + PROPERTY + ":}") List<String> proxies) {
        this.proxies = proxies.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        if (proxies.isEmpty()) {
            return;
        }
        RemoteIpValve valve = new RemoteIpValve();
        // Tomcat reads the list as CIDR ranges only when it has a '/', and as a regular expression otherwise.
        valve.setInternalProxies(proxies.stream().map(TrustedProxies::range).collect(Collectors.joining(",")));
        factory.addEngineValves(valve);
    }

    /** An address or range of the property as a CIDR range: 127.0.0.1 is 127.0.0.1/32. */
    private static String range(String proxy) {
        try {
            new NetMask(proxy);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + ": '" + proxy
                    + "' is no IP address or CIDR range (such as 10.0.0.5, 172.16.0.0/12 or ::1)", e);
        }
        return proxy.contains("/") ? proxy : proxy + (proxy.contains(":") ? "/128" : "/32");
    }
}
