package org.ibex.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The passphrase that encrypts PKI keys at rest; it never appears in {@code toString}. */
public final class Passphrase {
    /** Environment variable read when no passphrase file is given. */
    public static final String ENVIRONMENT = "IBEX_PKI_PASSPHRASE";
    static final int MINIMUM_LENGTH = 12;

    private final char[] secret;

    private Passphrase(String secret) {
        if (secret.length() < MINIMUM_LENGTH) {
            throw new IllegalArgumentException("the PKI passphrase must have at least " + MINIMUM_LENGTH
                    + " characters; it has " + secret.length());
        }
        this.secret = secret.toCharArray();
    }

    public static Passphrase of(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("no PKI passphrase: set " + ENVIRONMENT + " or give --passphrase-file");
        }
        return new Passphrase(secret);
    }

    /** From the file when given (first line, trailing newline dropped), else from the environment variable. */
    public static Passphrase resolve(Path file, Map<String, String> environment) throws IOException {
        if (file != null) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            return of((end < 0 ? text : text.substring(0, end)).stripTrailing());
        }
        return of(environment.get(ENVIRONMENT));
    }

    /** A copy, because KeyStore APIs want a char array and callers may clear theirs. */
    char[] chars() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "Passphrase[hidden]";
    }
}
