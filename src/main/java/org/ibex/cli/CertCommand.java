package org.ibex.cli;

import org.ibex.web.SelfSignedCertificate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.Callable;

/** Makes a self-signed TLS certificate for a node's first start. */
@Command(name = "cert", mixinStandardHelpOptions = true,
        description = "Create a self-signed TLS certificate and key (PKCS#12, password from $IBEX_TLS_PASSWORD).")
final class CertCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "PKCS#12 file to write")
    Path out;

    @Option(names = "--host", defaultValue = "localhost", description = "host name in the certificate")
    String host;

    @Option(names = "--days", defaultValue = "365", description = "validity in days")
    int days;

    @Override
    public Integer call() throws Exception {
        String password = System.getenv("IBEX_TLS_PASSWORD");
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("set IBEX_TLS_PASSWORD (at least 8 characters) to protect the key");
        }
        X509Certificate certificate = SelfSignedCertificate.create(out, password.toCharArray(), host, Duration.ofDays(days));
        System.out.println("wrote " + out + " for " + certificate.getSubjectX500Principal() + " until "
                + certificate.getNotAfter().toInstant());
        return 0;
    }
}
