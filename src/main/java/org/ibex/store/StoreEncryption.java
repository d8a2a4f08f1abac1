package org.ibex.store;

import org.h2.tools.ChangeFileEncryption;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/** Encrypts a data folder's existing embedded database in place, for a node that ran unencrypted until now. */
public final class StoreEncryption {
    private StoreEncryption() {
    }

    /** Rewrites {@code ibex.mv.db} under the passphrase's key; the node must be stopped (H2 holds the file open). */
    public static void encrypt(DataFolder folder, String passphrase) {
        Path file = folder.root().resolve(StoreConfig.EMBEDDED_NAME + ".mv.db");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no embedded database at " + file + ": nothing to encrypt (a new node"
                    + " with a store passphrase set starts encrypted)");
        }
        String key = StoreKey.derive(folder.root(), passphrase);
        try {
            ChangeFileEncryption.execute(folder.root().toString(), StoreConfig.EMBEDDED_NAME, "AES", null,
                    key.toCharArray(), true);
        } catch (SQLException e) {
            throw new StoreException("cannot encrypt " + file + " (is the node still running, or is the file encrypted"
                    + " already?): " + e.getMessage(), e);
        }
        folder.restrict();
    }
}
