package org.ibex.screens;

import org.ibex.demo.DemoFingerprints;
import org.ibex.demo.DemoNames;
import org.ibex.demo.DemoSeeder;
import org.ibex.node.Node;
import org.ibex.node.Progress;
import org.ibex.node.WebApplication;
import org.ibex.web.ServerSettings;
import org.ibex.web.WebServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;

/**
 * The demo as a newcomer runs it (`ibex demo`), once for all browser tests: a node in a fresh folder with the demo's
 * posts, users, lists, 400 crossings and, where the shared FVC2002 prints are, enrolled fingerprints.
 * Built on first use and closed when the test JVM ends.
 */
public final class DemoSite {
    private static DemoSite shared;
    public final Node node;
    public final WebServer server;
    public final Path folder;

    private DemoSite() throws IOException {
        folder = Files.createTempDirectory("ibex-browser");
        node = Node.open(folder.resolve("data"), Map.of(), Clock.systemUTC());
        DemoSeeder seeder = new DemoSeeder(node, new Random(7), LocalDate.now(Clock.systemUTC()));
        seeder.seedReferenceData();
        Path names = Path.of(System.getProperty("ibex.shared", "../shared"), "data", "names");
        seeder.seedCrossings(DemoNames.load(Files.isDirectory(names) ? names : null, new Random(7), 300), 400,
                new Progress(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false, "crossings", 400));
        DemoFingerprints.enrol(node, Path.of(System.getProperty("ibex.shared", "../shared"), "data", "fingerprints",
                "fvc2002"));
        server = WebApplication.start(new ServerSettings("127.0.0.1", 0, null, null), node.services,
                DemoSeeder.demoLogins());
    }

    /** The one demo node of this test run. */
    public static synchronized DemoSite get() {
        if (shared == null) {
            try {
                shared = new DemoSite();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            DemoSite site = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                site.server.close();
                site.node.close();
            }));
        }
        return shared;
    }

    public String url(String path) {
        return server.baseUrl() + path;
    }
}
