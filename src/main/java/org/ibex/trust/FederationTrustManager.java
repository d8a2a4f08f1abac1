package org.ibex.trust;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * PKIX trust in the federation anchor, plus what PKIX alone does not check for us: the directory's revoked
 * serials, a node id in the peer certificate, and TLS 1.3.
 */
final class FederationTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager pkix;
    private final Federation federation;

    FederationTrustManager(X509ExtendedTrustManager pkix, Federation federation) {
        this.pkix = pkix;
        this.federation = federation;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        pkix.checkClientTrusted(chain, authType, socket);
        checkFederation(chain, socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        pkix.checkServerTrusted(chain, authType, socket);
        checkFederation(chain, socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        pkix.checkClientTrusted(chain, authType, engine);
        checkFederation(chain, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        pkix.checkServerTrusted(chain, authType, engine);
        checkFederation(chain, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkClientTrusted(chain, authType);
        checkFederation(chain, null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkServerTrusted(chain, authType);
        checkFederation(chain, null);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }

    private void checkFederation(X509Certificate[] chain, SSLSession handshake) throws CertificateException {
        X509Certificate leaf = chain[0];
        if (handshake != null && !Federation.PROTOCOL.equals(handshake.getProtocol())) {
            throw new CertificateException("federation peers must use " + Federation.PROTOCOL + ", not "
                    + handshake.getProtocol());
        }
        if (federation.isRevoked(leaf)) {
            throw new CertificateException("peer certificate " + leaf.getSerialNumber().toString(16)
                    + " is revoked in federation directory " + federation.directory().sequence());
        }
        if (Federation.nodeId(leaf).isEmpty()) {
            throw new CertificateException("peer certificate " + leaf.getSubjectX500Principal()
                    + " carries no " + NodeIdentity.URI_PREFIX + " name");
        }
    }
}
