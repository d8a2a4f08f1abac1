package org.ibex.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** Reads what {@code ibex pki issue} wrote into a node folder. */
final class NodeFolders {
    private NodeFolders() {
    }

    /** The node certificate's serial, in hex as {@code ibex pki revoke --serial} takes it. */
    static String serial(Path nodeFolder) throws Exception {
        try (InputStream in = Files.newInputStream(nodeFolder.resolve("node.pem"))) {
            return ((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in))
                    .getSerialNumber().toString(16);
        }
    }
}
