package org.ibex.demo;

import org.ibex.node.Node;
import org.ibex.node.Operator;

import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.trust.CaFolder;
import org.ibex.trust.CertificateAuthority;
import org.ibex.trust.DirectoryEntry;
import org.ibex.trust.DirectoryException;
import org.ibex.trust.FederationDirectory;
import org.ibex.trust.Membership;
import org.ibex.trust.NodeCredentials;
import org.ibex.trust.Passphrase;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the demo federation's files on first run, as the operators of a real one would with {@code ibex pki} and
 * {@code ibex exchange join}: a root CA, a CA per state, a certificate per node, a directory signed by the root,
 * each node's data folder joined, and an admin login per node (with the border post and logins of
 * {@link OfflinePostStory}); then the agreements between the agencies, signed by both parties and installed at
 * their nodes, as {@code ibex agreement install} would. Later runs reuse all of it; only the directory is signed
 * afresh, so it never runs out.
 */
public final class FederationSetup {
    public static final String ADMIN = "admin";
    /** Demo login, printed by the demo; the nodes listen on loopback only. Never use it anywhere else. */
    public static final String ADMIN_PASSWORD = "demo-admin-pass";
    public static final Duration NODE_VALIDITY = Duration.ofDays(365);
    public static final Duration DIRECTORY_VALIDITY = Duration.ofDays(30);
    /** Settings a node would take from the environment that must not reach the demo's nodes. */
    private static final List<String> NOT_INHERITED = List.of("IBEX_DATA", "IBEX_JDBC_URL", "IBEX_JDBC_USER",
            "IBEX_JDBC_PASSWORD", "IBEX_PKI_PASSPHRASE_FILE");

    private final FederationLayout layout;
    private final PrintStream out;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    public FederationSetup(FederationLayout layout, PrintStream out) {
        this.layout = layout;
        this.out = out;
    }

    /** Creates what is missing, re-signs the directory and joins every node; returns the nodes' environment. */
    public Map<String, String> prepare() throws IOException, GeneralSecurityException {
        Files.createDirectories(layout.root());
        String secret = passphrase();
        Passphrase passphrase = Passphrase.of(secret);
        Map<String, String> environment = environment(secret);
        CertificateAuthority root = openOrCreate(layout.rootCa(), passphrase, null);
        for (String state : FederationLayout.STATES) {
            openOrCreate(layout.stateCa(state), passphrase, root);
        }
        for (FederationLayout.Member member : layout.members()) {
            issueIfMissing(member, passphrase);
        }
        FederationDirectory directory = signDirectory(root);
        List<FederationLayout.Member> created = new ArrayList<>();
        for (FederationLayout.Member member : layout.members()) {
            if (join(member, passphrase, environment)) {
                created.add(member);
            }
        }
        out.println("federation ready in " + layout.root() + ": directory " + directory.sequence() + " signed by the"
                + " root CA lists " + directory.nodes().size() + " nodes (until "
                + directory.nextUpdate().truncatedTo(ChronoUnit.SECONDS) + ")");
        // Nodes are opened here only when something is new: a rerun of the demo does not pay for it.
        List<DemoAgreements.Drafted> agreements = new DemoAgreements(layout).prepare(passphrase, clock);
        boolean drafted = agreements.stream().anyMatch(DemoAgreements.Drafted::fresh);
        for (FederationLayout.Member member : layout.members()) {
            if ((drafted || created.contains(member)) && agreements.stream().anyMatch(a -> a.covers(member.id()))) {
                equipForQuestions(member, agreements, environment);
            }
        }
        DemoAgreements.keep(agreements);
        return environment;
    }

    /**
     * Opens a joined node once more to install the agreements it is party to, add the accounts of
     * {@link AgencyQuestionsStory} and the fingerprint galleries of the two states ({@link DemoGalleries}); each only
     * where missing, so a demo folder made before them gets them too.
     */
    private void equipForQuestions(FederationLayout.Member member, List<DemoAgreements.Drafted> agreements,
                                   Map<String, String> environment) throws IOException {
        try (Node node = Node.open(layout.data(member), environment, clock)) {
            AgencyQuestionsStory.seed(member.id().toString(), node);
            DemoGalleries.seed(member.id().toString(), node, DemoFingerprints.sharedFolder(), out);
            List<String> installed = DemoAgreements.install(node.services.agreements().orElseThrow(), agreements);
            if (!installed.isEmpty()) {
                out.println("installed at " + member.id() + " the agreement" + (installed.size() == 1 ? " " : "s ")
                        + String.join(", ", installed) + " (signed by both parties, files in " + layout.agreements()
                        + ")");
            }
        }
    }

    /**
     * The environment of every node: the caller's, with the PKI passphrase, and without settings that would make
     * all five nodes share one database or data folder.
     */
    private static Map<String, String> environment(String passphrase) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        NOT_INHERITED.forEach(environment::remove);
        environment.put(Passphrase.ENVIRONMENT, passphrase);
        return Map.copyOf(environment);
    }

    /** The generated passphrase in an owner-only file: the demo's keys are encrypted at rest like real ones. */
    private String passphrase() throws IOException {
        Path file = layout.passphraseFile();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(file)) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n",
                    StandardCharsets.UTF_8);
            out.println("generated the PKI passphrase into " + file);
        } else if (posix) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new IllegalStateException(file + " is empty; delete " + layout.root() + " for a fresh federation");
        }
        return text;
    }

    /** The root ({@code parent} null) or a state CA under it, made on first use. */
    private CertificateAuthority openOrCreate(Path folder, Passphrase passphrase, CertificateAuthority parent)
            throws IOException, GeneralSecurityException {
        CaFolder ca = new CaFolder(folder);
        if (Files.exists(folder.resolve("ca.p12"))) {
            return ca.open(passphrase, clock, random);
        }
        CertificateAuthority created = parent == null
                ? CertificateAuthority.createRoot("Demo federation root", clock, random)
                : parent.createState(folder.getFileName().toString());
        ca.create(created, passphrase);
        out.println("created " + (parent == null ? "the federation root CA" : "the state CA " + folder.getFileName())
                + " in " + folder);
        return created;
    }

    private void issueIfMissing(FederationLayout.Member member, Passphrase passphrase)
            throws IOException, GeneralSecurityException {
        Path folder = layout.issued(member);
        if (Files.exists(folder.resolve(NodeCredentials.KEY_STORE))) {
            return;
        }
        CaFolder ca = new CaFolder(layout.stateCa(member.id().state()));
        NodeCredentials credentials = ca.open(passphrase, clock, random).issue(member.id(), member.endpoint(),
                NODE_VALIDITY);
        credentials.save(folder, passphrase);
        ca.recordIssued(DirectoryEntry.of(member.id(), member.endpoint(), credentials.certificate()));
        out.println("issued " + member.id() + " (" + member.description() + ") at " + member.endpoint());
    }

    /** One directory for both states, signed by the root, which every node trusts as its anchor. */
    private FederationDirectory signDirectory(CertificateAuthority root) throws IOException, GeneralSecurityException {
        List<DirectoryEntry> entries = new ArrayList<>();
        for (FederationLayout.Member member : layout.members()) {
            entries.add(DirectoryEntry.fromFolder(layout.issued(member)));
        }
        Instant now = clock.instant();
        FederationDirectory directory = new FederationDirectory(new CaFolder(layout.rootCa()).nextSequence(),
                root.certificate().getSubjectX500Principal().getName(), now, now.plus(DIRECTORY_VALIDITY), entries,
                List.of());
        Files.write(layout.directory(), directory.signedBy(root));
        return directory;
    }

    /** Joins the node to the federation; true when it was made in this run. */
    private boolean join(FederationLayout.Member member, Passphrase passphrase, Map<String, String> environment)
            throws IOException, GeneralSecurityException {
        Path data = layout.data(member);
        Path exchange = data.resolve("exchange");
        boolean created = !Membership.present(exchange);
        if (created) {
            addAccounts(member, data, environment);
        }
        try {
            Membership.join(exchange, layout.issued(member), layout.rootCa().resolve("ca.pem"), layout.directory(),
                    passphrase, clock);
        } catch (DirectoryException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot join " + member.id() + " in " + data + ": " + e.getMessage()
                    + "; delete " + layout.root() + " for a fresh federation", e);
        }
        return created;
    }

    /**
     * Opens the new node's store once in this process, which also migrates it, to add its admin, and what the
     * stories need: a post node's border post, officer and supervisor, headquarters' analyst and list manager.
     */
    private void addAccounts(FederationLayout.Member member, Path data, Map<String, String> environment) {
        try (Node node = Node.open(data, environment, clock)) {
            if (node.services.users().find(ADMIN).isEmpty()) {
                node.services.accounts().seed(Operator.actor("federation demo set-up"), new User(ADMIN, Role.ADMIN, null),
                        ADMIN_PASSWORD);
                OfflinePostStory.seed(member.id().toString(), node);
                WatchlistChangeStory.seed(member.id().toString(), node);
                WithdrawnAlertStory.seed(member.id().toString(), node);
            }
        }
    }
}
