package org.ibex.cli;

import org.ibex.node.Node;
import org.ibex.store.DataFolder;
import org.ibex.trust.DirectoryException;
import org.ibex.trust.DocumentSignature;
import org.ibex.trust.Federation;
import org.ibex.trust.Membership;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.function.Predicate;

/**
 * The anchor a signed document (an agreement, a deletion receipt) is verified against, offline: a PEM file given on
 * the command line (no revocations known), or the anchor and directory of the node in {@code --data}.
 */
record FederationTrust(X509Certificate anchor, Predicate<BigInteger> revoked) {
    /** Reads the trust; an IllegalArgumentException says why there is none. */
    static FederationTrust read(Path anchorFile, DataOptions data) {
        try {
            if (anchorFile != null) {
                return new FederationTrust(DocumentSignature.anchor(Files.readString(anchorFile,
                        StandardCharsets.US_ASCII)), serial -> false);
            }
            DataFolder folder = DataFolder.open(data.folder(), System.getenv());
            Path exchange = Node.exchangeFolder(folder);
            Path anchorPem = exchange.resolve(Membership.ANCHOR);
            if (!Files.exists(anchorPem)) {
                throw new IllegalArgumentException("give --anchor PEM or --data of a node that joined a federation ("
                        + anchorPem + " does not exist)");
            }
            X509Certificate anchor = DocumentSignature.anchor(Files.readString(anchorPem, StandardCharsets.US_ASCII));
            // The node's directory says which signers' certificates the state has revoked since.
            Federation federation = Federation.resume(Files.readAllBytes(exchange.resolve(Membership.DIRECTORY)),
                    anchor, Clock.systemUTC());
            return new FederationTrust(anchor, federation::isRevoked);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (DirectoryException e) {
            throw new IllegalArgumentException("the node's directory does not verify: " + e.getMessage(), e);
        }
    }
}
