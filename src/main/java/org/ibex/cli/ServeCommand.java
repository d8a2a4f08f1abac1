package org.ibex.cli;

import org.ibex.web.ServerSettings;
import org.ibex.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Override
    public Integer call() throws Exception {
        ServerSettings settings = new ServerSettings(host, port, keystore, keystore == null ? null : password());
        Node node = data.open();
        WebServer server = WebServer.start(settings, node.services);
        System.out.println("ibex node serving " + server.baseUrl() + " (data " + node.folder.root() + ")");
        System.out.flush();
        Serving.untilStopped(server, node);
        return 0;
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
