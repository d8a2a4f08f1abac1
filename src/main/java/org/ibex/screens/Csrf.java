package org.ibex.screens;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The synchronizer token of a session: an HMAC of the session token under a key of this process, so nothing is
 * stored, a token is worthless for any other session, and a restart (which ends sessions anyway) changes it.
 * Forms carry it as a hidden field and htmx as a header.
 */
public final class Csrf {
    /** The hidden field's name in every form. */
    public static final String FIELD = "_csrf";
    /** The header htmx sends with every request it makes. */
    public static final String HEADER = "X-CSRF-Token";
    private final SecretKeySpec key;

    public Csrf(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    public String tokenFor(String sessionToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(sessionToken.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean matches(String sessionToken, String presented) {
        if (presented == null || sessionToken == null) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(sessionToken).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }
}
