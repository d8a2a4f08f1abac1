package org.ibex.cli;

import org.ibex.node.Node;
import org.ibex.node.WebApplication;
import org.ibex.node.Serving;

import org.ibex.trust.Federation;
import org.ibex.delivery.ExchangeNode;
import org.ibex.web.ServerSettings;
import org.ibex.web.WebServer;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** Runs the node's HTTP API until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the node's HTTP API.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "PKCS#12 certificate and key: serve HTTPS")
    Path keystore;

    @Option(names = "--tls-password-file", paramLabel = "FILE",
            description = "file holding the keystore password (else $IBEX_TLS_PASSWORD)")
    Path passwordFile;

    @Option(names = "--exchange-port", paramLabel = "PORT",
            description = "port of the federation endpoint (default: the port of the node's certified endpoint)")
    Integer exchangePort;

    @Option(names = "--exchange-host", paramLabel = "HOST",
            description = "address of the federation endpoint (default: the host of the node's certified endpoint)")
    String exchangeHost;

    @Override
    public Integer call() throws Exception {
        ServerSettings settings = new ServerSettings(host, port, keystore, keystore == null ? null : password());
        Node node = data.open();
        WebServer server = WebApplication.start(settings, node.services, List.of());
        System.out.println("ibex node serving " + server.baseUrl() + " (data " + node.folder.root() + ")");
        if (node.exchange.isPresent()) {
            startExchange(node, node.exchange.get());
        }
        System.out.flush();
        Serving.untilStopped(server, node);
        return 0;
    }

    private void startExchange(Node node, ExchangeNode exchange) {
        java.net.URI endpoint = exchange.membership().credentials().endpoint();
        exchange.start(exchangeHost != null ? exchangeHost : endpoint.getHost(),
                exchangePort != null ? exchangePort : endpoint.getPort(), Duration.ofMillis(200),
                node.settings.directoryPull());
        exchange.shareCheckpoints(node.auditSigner, node.settings.checkpointEvery());
        Federation federation = exchange.membership().federation();
        System.out.println("exchange " + exchange.node() + " listening on port " + exchange.port() + " (directory "
                + federation.directory().sequence() + ", " + exchange.peers().size() + " peers)");
        if (federation.stale()) {
            System.out.println("warning: federation directory " + federation.directory().sequence() + " is past its"
                    + " next update (" + federation.directory().nextUpdate() + "); working with it and asking peers"
                    + " for a newer one");
        }
    }

    private String password() throws IOException {
        if (passwordFile != null) {
            return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        }
        String env = System.getenv("IBEX_TLS_PASSWORD");
        if (env == null) {
            throw new IllegalArgumentException("keystore password missing: set IBEX_TLS_PASSWORD or --tls-password-file");
        }
        return env;
    }
}
