package org.ibex.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where a verifying command finds the federation anchor: {@code --anchor PEM}, or the node in {@code --data}. */
final class AnchorOptions {
    @Mixin
    DataOptions data;

    @Option(names = "--anchor", paramLabel = "PEM",
            description = "the federation root certificate (default: the anchor the node in --data joined with)")
    Path anchorFile;

    /** The trust to verify with; an IllegalArgumentException says why there is none. */
    FederationTrust trust() {
        return FederationTrust.read(anchorFile, data);
    }
}
