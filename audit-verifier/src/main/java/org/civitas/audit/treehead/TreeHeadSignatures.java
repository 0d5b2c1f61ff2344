package org.civitas.audit.treehead;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * What a tree-head signature covers and how anyone checks it, without the service: the UTF-8 bytes
 * of {@code treeSize + "\n" + rootHash + "\n" + timestamp}, signed with Ed25519.
 */
public final class TreeHeadSignatures {

  public static final String ALGORITHM = "Ed25519";

  private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String PEM_END = "-----END PUBLIC KEY-----";

  /** The bytes a head's signature covers. */
  public static byte[] signedBytes(long treeSize, String rootHash, long timestamp) {
    return (treeSize + "\n" + rootHash + "\n" + timestamp).getBytes(StandardCharsets.UTF_8);
  }

  /** Whether the head's signature was made by the given key over the head's fields. */
  public static boolean verify(PublicKey key, SignedTreeHead head) {
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(signedBytes(head.treeSize(), head.rootHash(), head.timestamp()));
      return verifier.verify(Base64.getDecoder().decode(head.signature()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Base64 of SHA-256 over the key's X.509 SubjectPublicKeyInfo DER: the log's key id. */
  public static String keyId(PublicKey key) {
    try {
      return Base64.getEncoder()
          .encodeToString(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** PEM text of the key's X.509 SubjectPublicKeyInfo. */
  public static String toPem(PublicKey key) {
    return PEM_BEGIN
        + "\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded())
        + "\n"
        + PEM_END
        + "\n";
  }

  /**
   * Reads an Ed25519 public key from PEM text (the first PUBLIC KEY block).
   *
   * @throws IllegalArgumentException when there is no such key in the text
   */
  public static PublicKey fromPem(String pem) {
    int begin = pem.indexOf(PEM_BEGIN);
    int end = pem.indexOf(PEM_END, Math.max(begin, 0));
    if (begin < 0 || end < 0) {
      throw new IllegalArgumentException("no PUBLIC KEY block in the PEM text");
    }
    String body = pem.substring(begin + PEM_BEGIN.length(), end).replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance(ALGORITHM)
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the PUBLIC KEY block is not an Ed25519 key", e);
    }
  }

  private TreeHeadSignatures() {}
}
