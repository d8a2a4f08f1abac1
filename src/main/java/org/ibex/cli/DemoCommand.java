package org.ibex.cli;

import org.ibex.bench.BenchNames;
import org.ibex.demo.DemoFingerprints;
import org.ibex.demo.DemoNames;
import org.ibex.demo.DemoSeeder;
import org.ibex.demo.FederationDemo;
import org.ibex.demo.FederationLayout;
import org.ibex.node.Node;
import org.ibex.node.WebApplication;
import org.ibex.node.Progress;
import org.ibex.node.Serving;

import org.ibex.web.ServerSettings;
import org.ibex.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.Callable;

/** Seeds a small fictitious country and serves it on localhost; or runs a federation of six nodes there. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Create a demo node (3 posts, users, stay rules, a few thousand crossings) and serve it on localhost.",
                "With --federation: six nodes of two states, each a process of its own, messages between them and questions"
                        + " between agencies under signed agreements."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR",
            description = "folder for the demo (default ibex-demo, or ibex-federation with --federation; reused if there)")
    Path data;

    @Option(names = "--federation", description = "start UTO (headquarters, airport post, land post, police, labour)"
            + " and XXB (headquarters) as separate processes on 127.0.0.1 and show messages and questions under"
            + " agreements travelling between them")
    boolean federation;

    @Option(names = "--base-port", paramLabel = "PORT", description = "with --federation: exchange ports PORT..PORT+5"
            + " (default " + FederationLayout.DEFAULT_BASE_PORT + ", or those of an existing federation demo)")
    Integer basePort;

    @Option(names = "--web-base-port", paramLabel = "PORT", description = "with --federation: web API ports"
            + " PORT..PORT+5 (default " + FederationLayout.DEFAULT_WEB_BASE_PORT + ")")
    Integer webBasePort;

    @Option(names = "--exit-after-demo", description = "with --federation: stop the nodes once the messages have"
            + " arrived instead of running until Ctrl-C")
    boolean exitAfterDemo;

    @Option(names = "--port", defaultValue = "8080", description = "port on 127.0.0.1 (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--crossings", defaultValue = "3000", description = "how many crossings to generate")
    int crossings;

    @Option(names = "--history", defaultValue = "5000", description = "synthetic crossings over the last year for the"
            + " analyst dashboard (0: none) (default ${DEFAULT-VALUE})")
    long history;

    @Option(names = "--seed", defaultValue = "9303", description = "random seed, for a repeatable demo")
    long seed;

    @Option(names = "--no-serve", description = "seed only, do not start the server")
    boolean noServe;

    @Override
    public Integer call() throws Exception {
        if (federation) {
            Path folder = data != null ? data : FederationDemo.defaultFolder();
            return new FederationDemo(FederationLayout.resolve(folder, basePort, webBasePort), System.out)
                    .run(exitAfterDemo);
        }
        if (basePort != null || webBasePort != null || exitAfterDemo) {
            throw new IllegalArgumentException("--base-port, --web-base-port and --exit-after-demo need --federation");
        }
        if (crossings < 0 || crossings > 1_000_000) {
            throw new IllegalArgumentException("--crossings must be 0..1000000 (got " + crossings + ")");
        }
        if (history < 0 || history > 10_000_000) {
            throw new IllegalArgumentException("--history must be 0..10000000 (got " + history + ")");
        }
        Node node = Node.open(data != null ? data : Path.of("ibex-demo"), System.getenv(), Clock.systemUTC());
        try {
            DemoSeeder seeder = new DemoSeeder(node, new Random(seed), LocalDate.now(Clock.systemUTC()));
            if (seeder.alreadySeeded()) {
                System.out.println("demo data already in " + node.folder.root() + " (delete the folder for a fresh one)");
            } else {
                seeder.seedReferenceData();
                DemoNames names = DemoNames.load(sharedNames(), new Random(seed), 300);
                Progress progress = new Progress("crossings", crossings);
                int stored = seeder.seedCrossings(names, crossings, progress);
                progress.done();
                System.out.printf("seeded %d crossings of travellers named from %d names in %.1f s%n",
                        stored, names.size(), progress.seconds());
                if (history > 0) {
                    Progress year = new Progress("history", history);
                    var summary = seeder.seedHistory(history, seed, year);
                    year.done();
                    System.out.printf("added a year of synthetic history: %d crossings (%d travellers, %d overstaying,"
                                    + " %d late, %d corrections) in %.1f s%n", summary.crossings(), summary.travellers(),
                            summary.overstayers(), summary.late(), summary.corrections(), year.seconds());
                }
                int enrolled = DemoFingerprints.enrol(node, DemoFingerprints.sharedFolder());
                if (enrolled > 0) {
                    System.out.printf("enrolled %d travellers with two fingers each (FVC2002 fingers 101+102, 103+104 …,"
                            + " impression 1, as right and left index)%n", enrolled);
                } else {
                    System.out.println("no fingerprints enrolled: the FVC2002 prints are not at "
                            + DemoFingerprints.sharedFolder().toAbsolutePath().normalize() + " (set IBEX_SHARED to the"
                            + " folder holding data/fingerprints/fvc2002)");
                }
            }
            if (noServe) {
                node.close();
                return 0;
            }
            WebServer server = WebApplication.start(new ServerSettings("127.0.0.1", port, null, null), node.services,
                    DemoSeeder.demoLogins());
            printWelcome(server.baseUrl(), DemoFingerprints.sharedFolder());
            Serving.untilStopped(server, node);
            return 0;
        } catch (Exception | Error e) {
            node.close();
            throw e;
        }
    }

    private static Path sharedNames() {
        Path names = BenchNames.sharedFolder();
        return Files.isDirectory(names) ? names : null;
    }

    /** The logins and a first request; a 1:1 with a print only when the shared prints are there to send. */
    private static void printWelcome(String url, Path prints) {
        System.out.println();
        System.out.println("IBEX demo node: " + url);
        System.out.println("  log in:   " + url + "/login   (the page lists the demo users)");
        System.out.println("  API docs: " + url + "/docs/api");
        System.out.println("  health:   " + url + "/health");
        System.out.println("  API:      " + url + "/openapi.json");
        System.out.println("Logins (POST " + url + "/api/login with {\"username\":..,\"password\":..}):");
        for (String[] login : DemoSeeder.LOGINS) {
            System.out.printf("  %-16s %-22s %-10s %s%n", login[0], login[1], login[2], login[3] == null ? "" : login[3]);
        }
        System.out.println("Try:");
        System.out.println("  TOKEN=$(curl -s " + url + "/api/login -d '{\"username\":\"analyst\",\"password\":\"demo-analyst-pass\"}'"
                + " | sed 's/.*\"token\":\"\\([^\"]*\\)\".*/\\1/')");
        System.out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + url + "/api/overstayers");
        if (Files.isDirectory(prints.resolve("DB1_B"))) {
            printIdentification(url, prints.resolve("DB1_B").resolve("101_2.tif"));
        }
        System.out.println("Stop with Ctrl-C.");
        System.out.flush();
    }

    private static void printIdentification(String url, Path print) {
        System.out.println("Identify someone without papers by a print (as officer.air; FVC2002 finger 101, impression 2):");
        System.out.println("  OFFICER=$(curl -s " + url + "/api/login -d '{\"username\":\"officer.air\",\"password\":"
                + "\"demo-officer-pass\"}' | sed 's/.*\"token\":\"\\([^\"]*\\)\".*/\\1/')");
        System.out.println("  echo '{\"fingers\":[{\"position\":2,\"dpi\":500,\"image\":\"'$(base64 -w0 "
                + print + ")'\"}]}' | curl -s -H \"Authorization: Bearer $OFFICER\""
                + " -H 'Content-Type: application/json' -d @- " + url + "/api/identifications");
    }
}
