package org.ibex.access;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Argon2id password hashes in the PHC string format. The default cost (19 MiB, 2 passes) is OWASP's
 * recommended minimum: memory-hard enough that a stolen table is expensive to attack, and about 30 ms a login.
 */
public final class PasswordHasher {
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private final int memoryKib;
    private final int iterations;
    private final SecureRandom random;

    public PasswordHasher(int memoryKib, int iterations, SecureRandom random) {
        if (memoryKib < 8 || iterations < 1) {
            throw new IllegalArgumentException("argon2 memory must be >= 8 KiB and iterations >= 1");
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.random = random;
    }

    public static PasswordHasher standard() {
        return new PasswordHasher(19 * 1024, 2, new SecureRandom());
    }

    public String hash(String password) {
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("password must have at least 8 characters");
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] digest = derive(password, salt, memoryKib, iterations);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=1$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(digest);
    }

    /** Checks a password against a stored hash in constant time; a malformed hash never matches. */
    public boolean verify(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id")) {
            return false;
        }
        try {
            String[] cost = parts[3].split(",");
            int m = Integer.parseInt(cost[0].substring(2));
            int t = Integer.parseInt(cost[1].substring(2));
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            return MessageDigest.isEqual(expected, derive(password, salt, m, t));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(1)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
