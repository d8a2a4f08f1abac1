package org.ibex.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** An ECDSA P-256 key that signs checkpoints; named by the fingerprint of its public key. */
public final class Signer {
    private static final String ALGORITHM = "SHA256withECDSA";
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String name;

    private Signer(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.name = fingerprint(publicKey.getEncoded());
    }

    public static Signer of(KeyPair pair) {
        if (!"EC".equals(pair.getPublic().getAlgorithm())) {
            throw new IllegalArgumentException("checkpoint keys must be EC P-256 (got " + pair.getPublic().getAlgorithm() + ")");
        }
        return new Signer(pair.getPrivate(), pair.getPublic());
    }

    /** A fresh P-256 key pair. */
    public static Signer generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return of(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a P-256 key: " + e.getMessage(), e);
        }
    }

    /** "p256:" and the first 32 hex digits of SHA-256 over the X.509 public key. */
    public String name() {
        return name;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    String sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(message);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint: " + e.getMessage(), e);
        }
    }

    /** True only when the key is well-formed, is the one the signer name promises, and the signature holds. */
    static boolean verifies(String publicKeyBase64, String signer, byte[] message, String signatureBase64) {
        try {
            byte[] encoded = Base64.getDecoder().decode(publicKeyBase64);
            if (!fingerprint(encoded).equals(signer)) {
                return false;
            }
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(encoded));
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static String fingerprint(byte[] encodedPublicKey) {
        return "p256:" + ChainDigest.sha256(encodedPublicKey).substring(0, 32);
    }

    @Override
    public String toString() {
        return "Signer[" + name + "]";
    }
}
