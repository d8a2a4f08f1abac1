package org.ibex.store;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The key that encrypts the embedded database file, derived from the operator's passphrase. H2 stretches a file
 * password with only a few rounds of SHA-256, so the node hands it an Argon2id key instead (64 MiB, 3 passes: about
 * a quarter of a second once at start, and costly for anyone guessing passphrases against a stolen disk). The salt
 * lives in {@code DATA/keys/store.salt}: back it up with the database, which cannot be opened without it.
 */
public final class StoreKey {
    static final String SALT_FILE = "store.salt";

    private StoreKey() {
    }

    /** The database file's key for this passphrase, making the salt at first use. */
    public static String derive(Path dataFolder, String passphrase) {
        if (passphrase.length() < 12) {
            throw new IllegalArgumentException("store.passphrase must have at least 12 characters");
        }
        byte[] salt = salt(dataFolder.resolve("keys"));
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(64 * 1024).withIterations(3).withParallelism(1).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] key = new byte[32];
        generator.generateBytes(passphrase.getBytes(StandardCharsets.UTF_8), key);
        return HexFormat.of().formatHex(key);
    }

    private static byte[] salt(Path keys) {
        Path file = keys.resolve(SALT_FILE);
        try {
            if (Files.exists(file)) {
                byte[] salt = HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
                if (salt.length < 16) {
                    throw new IllegalStateException(file + " holds " + salt.length + " bytes of salt; 16 are needed");
                }
                return salt;
            }
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            PrivateFiles.folder(keys);
            PrivateFiles.write(file, (HexFormat.of().formatHex(salt) + "\n").getBytes(StandardCharsets.US_ASCII));
            return salt;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make " + file + ": " + e.getMessage(), e);
        }
    }
}
