package org.ibex.delivery;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Content that must not outlive its handling (a partner's fingerprint probe) is never written to the store in the
 * clear: its payload is stored under an AES-GCM key of its own that lives only in this process's memory, and the key
 * is dropped when the handler erases the envelope.
 * <p>
 * Why: erasing a row does not erase the bytes. H2 writes every commit as a new chunk and never overwrites the old one
 * in place; PostgreSQL keeps the dead tuple until vacuum; both may sit on disk long after. The full-size hit/no-hit
 * bench found the templates of 203 of 210 erased probes still readable in the responder's H2 file. Under a dropped
 * key, whatever the disk keeps is noise. The price: a sealed message whose process stopped before it was handled
 * reaches its handler with an empty payload (its key is gone), and the handler answers that it was lost.
 */
final class SealedWires {
    private static final byte[] MAGIC = "ibex-sealed/1:".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;
    private final Set<String> types = ConcurrentHashMap.newKeySet();
    private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** From now on, messages of {@code type} are stored sealed. */
    void seal(String type) {
        types.add(type);
    }

    boolean sealed(String type) {
        return types.contains(type);
    }

    /** The wire as it is stored: the header line in the clear, the payload sealed when the type is. */
    byte[] store(String envelopeId, String type, byte[] wire) {
        if (!sealed(type)) {
            return wire;
        }
        int newline = indexOf(wire, (byte) '\n');
        byte[] header = Arrays.copyOfRange(wire, 0, newline + 1);
        byte[] payload = Arrays.copyOfRange(wire, newline + 1, wire.length);
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            SecretKey key = generator.generateKey();
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(envelopeId.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(payload);
            keys.put(envelopeId, key);
            byte[] stored = new byte[header.length + MAGIC.length + IV_BYTES + sealed.length];
            System.arraycopy(header, 0, stored, 0, header.length);
            System.arraycopy(MAGIC, 0, stored, header.length, MAGIC.length);
            System.arraycopy(iv, 0, stored, header.length + MAGIC.length, IV_BYTES);
            System.arraycopy(sealed, 0, stored, header.length + MAGIC.length + IV_BYTES, sealed.length);
            return stored;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has AES-GCM", e);
        }
    }

    /** The payload of a stored wire: opened when sealed, empty when its key is gone. */
    byte[] payload(String envelopeId, byte[] storedWire) {
        byte[] stored = Rows.payload(storedWire);
        if (stored.length < MAGIC.length || !Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return stored;
        }
        SecretKey key = keys.get(envelopeId);
        if (key == null || stored.length < MAGIC.length + IV_BYTES) {
            return new byte[0];
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, MAGIC.length, IV_BYTES));
            cipher.updateAAD(envelopeId.getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(stored, MAGIC.length + IV_BYTES, stored.length - MAGIC.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            return new byte[0];
        }
    }

    /** Drops the key of an erased envelope: what the disk still holds of it can no longer be read. */
    void forget(String envelopeId) {
        keys.remove(envelopeId);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
