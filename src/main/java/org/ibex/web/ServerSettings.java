package org.ibex.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the server listens and with which certificate. Checked once: plain HTTP is refused on any address
 * but loopback, because officers' passwords and travellers' data must never cross a network in clear.
 */
public record ServerSettings(String host, int port, Path keystore, String keystorePassword) {

    public ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 (got " + port + ")");
        }
        if (keystore == null && !isLoopback(host)) {
            throw new IllegalArgumentException("plain HTTP is allowed only on loopback (host " + host
                    + " is not): give a PKCS#12 certificate and key with --tls-keystore and IBEX_TLS_PASSWORD");
        }
        if (keystore != null && !Files.isReadable(keystore)) {
            throw new IllegalArgumentException("tls keystore " + keystore + " is not a readable file");
        }
    }

    public boolean tls() {
        return keystore != null;
    }

    public static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "ServerSettings[host=" + host + ", port=" + port + ", keystore=" + keystore + "]";
    }
}
