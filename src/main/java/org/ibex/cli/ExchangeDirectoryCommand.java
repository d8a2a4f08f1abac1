package org.ibex.cli;

import org.ibex.node.NodeSettings;

import org.ibex.node.Node;

import org.ibex.trust.DirectoryEntry;
import org.ibex.trust.FederationDirectory;
import org.ibex.trust.Membership;
import org.ibex.trust.Revocation;
import org.ibex.store.DataFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** Shows the federation directory a node holds, or installs a newer one that its running node then takes up. */
@Command(name = "directory", mixinStandardHelpOptions = true,
        description = "Show the federation directory in force, or install a newer signed one (--install).")
final class ExchangeDirectoryCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;
    @Option(names = "--install", paramLabel = "FILE",
            description = "signed directory from 'pki publish': verified against the anchor, must be newer and list"
                    + " this node; a running node adopts it within exchange.directory-seconds and passes it on")
    Path install;

    @Override
    public Integer call() throws Exception {
        DataFolder folder = DataFolder.open(data.folder(), System.getenv());
        Membership membership = Membership.load(Node.exchangeFolder(folder), Node.passphrase(folder),
                Clock.systemUTC());
        FederationDirectory directory = membership.federation().directory();
        if (install != null) {
            long before = directory.sequence();
            directory = membership.install(Files.readAllBytes(install));
            System.out.println(directory.sequence() == before ? "directory " + before + " is already in force"
                    : "installed directory " + directory.sequence() + " (was " + before + "); a running node adopts"
                    + " it within exchange.directory-seconds (" + NodeSettings.read(folder).directoryPull().toSeconds()
                    + ") and peers fetch it from this node");
        }
        System.out.println("directory " + directory.sequence() + " issued by " + directory.issuer() + " at "
                + directory.issuedAt() + ", next update " + directory.nextUpdate());
        for (DirectoryEntry entry : directory.nodes()) {
            System.out.printf("  %-24s %-32s certificate %s%n", entry.node(), entry.endpoint(),
                    entry.serial().toString(16));
        }
        for (Revocation revocation : directory.revocations()) {
            System.out.printf("  revoked %s (%s, %s)%n", revocation.serialHex(), revocation.reason(),
                    revocation.revokedAt());
        }
        return 0;
    }
}
