package org.ibex.delivery;

/** What a node does when a peer reaches its federation endpoint: the link to that peer works, and it says things. */
@FunctionalInterface
public interface PeerContact {
    /**
     * @param peer            the node id the TLS client certificate names
     * @param directoryHeader the peer's {@link DirectoryPull#HEADER} value, or null when it sent none
     */
    void heardFrom(String peer, String directoryHeader);
}
