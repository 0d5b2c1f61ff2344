package org.civitas.audit.treehead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The log's Ed25519 key pair, kept in a PEM file readable only by its owner: generated on first
 * start, then reused so that the key id stays stable across restarts. The private key never leaves
 * this class.
 */
public final class SigningKey {

  private static final String PRIVATE_BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String PRIVATE_END = "-----END PRIVATE KEY-----";

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String keyId;

  private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.keyId = TreeHeadSignatures.keyId(publicKey);
  }

  /** Reads the key file, or creates it with a new key pair when it does not exist. */
  public static SigningKey loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the tree-head signing key file", e);
    }
  }

  /** A key pair that lives only in memory, for tests and tools. */
  public static SigningKey generate() {
    KeyPair pair = newPair();
    return new SigningKey(pair.getPrivate(), pair.getPublic());
  }

  public byte[] sign(byte[] message) {
    try {
      Signature signer = Signature.getInstance(TreeHeadSignatures.ALGORITHM);
      signer.initSign(privateKey);
      signer.update(message);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public String keyId() {
    return keyId;
  }

  public String publicKeyPem() {
    return TreeHeadSignatures.toPem(publicKey);
  }

  private static void create(Path file) throws IOException {
    KeyPair pair = newPair();
    String pem =
        PRIVATE_BEGIN
            + "\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded())
            + "\n"
            + PRIVATE_END
            + "\n"
            + TreeHeadSignatures.toPem(pair.getPublic());
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, ".tree-head-key", ".tmp");
    try {
      restrictToOwner(temporary);
      Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
      try {
        // A hard link appears atomically and never replaces a key another instance just made.
        Files.createLink(file, temporary);
      } catch (UnsupportedOperationException e) {
        Files.move(temporary, file);
      }
    } catch (FileAlreadyExistsException e) {
      // Another instance created it first; use theirs.
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void restrictToOwner(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system; the operator protects the directory instead.
    }
  }

  private static SigningKey read(Path file) throws IOException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    int begin = pem.indexOf(PRIVATE_BEGIN);
    int end = pem.indexOf(PRIVATE_END);
    if (begin < 0 || end < begin) {
      throw new IllegalStateException("the signing key file has no PRIVATE KEY block");
    }
    String body = pem.substring(begin + PRIVATE_BEGIN.length(), end).replaceAll("\\s", "");
    PrivateKey privateKey;
    try {
      privateKey =
          KeyFactory.getInstance(TreeHeadSignatures.ALGORITHM)
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("the signing key file does not hold an Ed25519 key", e);
    }
    SigningKey key = new SigningKey(privateKey, TreeHeadSignatures.fromPem(pem));
    key.checkPair();
    return key;
  }

  /** Refuses a file whose public key does not belong to its private key. */
  private void checkPair() {
    byte[] probe = "civitas tree-head key check".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature verifier = Signature.getInstance(TreeHeadSignatures.ALGORITHM);
      verifier.initVerify(publicKey);
      verifier.update(probe);
      if (!verifier.verify(sign(probe))) {
        throw new IllegalStateException("the signing key file's public key does not match");
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the signing key file could not be checked", e);
    }
  }

  private static KeyPair newPair() {
    try {
      return KeyPairGenerator.getInstance(TreeHeadSignatures.ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is required (JDK 15+)", e);
    }
  }
}
