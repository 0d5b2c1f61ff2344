package org.civitas.auth.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An RSA signing key persisted as one private JWK in a JSON file, readable by its owner only.
 *
 * <p>The key is generated on first use and reused afterwards, so tokens issued before a restart
 * still verify against the JWKS served after it. A file that exists but cannot be read as an RSA
 * private key stops the start-up instead of being replaced: silently rotating the key would
 * invalidate every token in circulation and hide a configuration mistake.
 */
final class SigningKeyFile {

  static final int KEY_SIZE = 2048;

  private static final Logger log = LoggerFactory.getLogger(SigningKeyFile.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Path file;

  SigningKeyFile(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  /** The key stored in the file, generating and storing a new one when there is no file yet. */
  RSAKey loadOrCreate() {
    if (Files.exists(file)) {
      RSAKey key = load();
      log.info("Using signing key {} from {}", key.getKeyID(), file);
      return key;
    }
    RSAKey key = generate();
    store(key);
    log.info("Generated signing key {} and stored it in {}", key.getKeyID(), file);
    return key;
  }

  private RSAKey load() {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read signing key file " + file, e);
    }
    JWK jwk;
    try {
      jwk = JWK.parse(json);
    } catch (ParseException e) {
      // Without the cause: parser messages may quote the file, and the file holds a private key.
      throw new IllegalStateException("Signing key file " + file + " is not valid JWK JSON");
    }
    if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
      throw new IllegalStateException("Signing key file " + file + " holds no RSA private key");
    }
    if (rsa.size() < KEY_SIZE) {
      throw new IllegalStateException(
          "Signing key in " + file + " is shorter than " + KEY_SIZE + " bits");
    }
    restrictPermissions(file);
    return rsa.getKeyID() != null ? rsa : withThumbprintKeyId(rsa);
  }

  private static RSAKey generate() {
    try {
      RSAKey key =
          new RSAKeyGenerator(KEY_SIZE)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .generate();
      return withThumbprintKeyId(key);
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate an RSA signing key", e);
    }
  }

  // RFC 7638 thumbprint: the key id is derived from the key itself, so it is stable by definition.
  private static RSAKey withThumbprintKeyId(RSAKey key) {
    try {
      return new RSAKey.Builder(key).keyIDFromThumbprint().build();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot compute the signing key's thumbprint", e);
    }
  }

  private void store(RSAKey key) {
    try {
      Path directory = file.getParent();
      Files.createDirectories(directory);
      // Written to a private temporary file first, so the key is never readable by others and a
      // crash mid-write never leaves a truncated key file behind.
      Path temporary = Files.createTempFile(directory, ".signing-key", ".tmp");
      try {
        restrictPermissions(temporary);
        Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
        move(temporary, file);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store signing key file " + file, e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void restrictPermissions(Path path) {
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    if (view == null) {
      return; // not a POSIX file system: the directory's ACLs are the operator's to set
    }
    try {
      if (!view.readAttributes().permissions().equals(OWNER_ONLY)) {
        view.setPermissions(OWNER_ONLY);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restrict permissions of " + path, e);
    }
  }
}
