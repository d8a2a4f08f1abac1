package org.ibex.trust;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/** One node as listed in the federation directory: where it listens and the certificate it presents. */
public record DirectoryEntry(NodeIdentity node, URI endpoint, String certificatePem, Instant notAfter) {
    public DirectoryEntry {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(notAfter, "notAfter");
    }

    public static DirectoryEntry of(NodeIdentity node, URI endpoint, X509Certificate certificate) {
        return new DirectoryEntry(node, endpoint, Certificates.pem(java.util.List.of(certificate)),
                certificate.getNotAfter().toInstant());
    }

    /** Reads a node folder written by {@link NodeCredentials#save}; needs no passphrase. */
    public static DirectoryEntry fromFolder(Path folder) throws IOException, GeneralSecurityException {
        Path description = folder.resolve(NodeCredentials.DESCRIPTION);
        Path chain = folder.resolve(NodeCredentials.CHAIN);
        if (!Files.isRegularFile(description) || !Files.isRegularFile(chain)) {
            throw new IOException(folder + " is not a node folder: it needs " + NodeCredentials.DESCRIPTION
                    + " and " + NodeCredentials.CHAIN + " as written by 'ibex pki issue'");
        }
        DirectoryEntry described = Json.readNode(Files.readString(description, StandardCharsets.UTF_8));
        X509Certificate certificate = Certificates.parsePem(Files.readString(chain, StandardCharsets.US_ASCII)).get(0);
        return of(described.node(), described.endpoint(), certificate);
    }

    public X509Certificate certificate() {
        try {
            return Certificates.parsePem(certificatePem).get(0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("directory entry for " + node + " holds no valid certificate", e);
        }
    }

    public java.math.BigInteger serial() {
        return certificate().getSerialNumber();
    }
}
