package org.ibex.delivery;

import javax.net.ssl.SSLContext;
import java.net.http.HttpClient;
import java.time.Duration;

/** How a node calls its peers: one client configuration for delivery, directory fetches and link checks. */
public final class PeerHttp {
    /** A peer that does not accept a connection in this time is treated as unreachable, and retried later. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private PeerHttp() {
    }

    /** HTTP/1.1 with keep-alive over the node's federation SSLContext (mutual TLS 1.3, client certificate included). */
    public static HttpClient client(SSLContext tls) {
        return HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).build();
    }
}
