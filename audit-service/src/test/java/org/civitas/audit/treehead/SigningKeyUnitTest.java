package org.civitas.audit.treehead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyUnitTest {

  @TempDir Path directory;

  @Test
  void keyFileIsCreatedOnceReadableOnlyByItsOwnerAndReused() throws IOException {
    Path file = directory.resolve("nested/tree-head-key.pem");

    SigningKey created = SigningKey.loadOrCreate(file);
    SigningKey reloaded = SigningKey.loadOrCreate(file);

    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(reloaded.keyId()).isEqualTo(created.keyId());
    assertThat(reloaded.publicKey()).isEqualTo(created.publicKey());
    assertThat(Files.readString(file))
        .contains("-----BEGIN PRIVATE KEY-----", "-----BEGIN PUBLIC KEY-----");
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void keyIdIsTheBase64Sha256OfThePublicKeyDer() throws Exception {
    SigningKey key = SigningKey.generate();

    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256").digest(key.publicKey().getEncoded());

    assertThat(key.keyId()).isEqualTo(Base64.getEncoder().encodeToString(digest));
  }

  @Test
  void aKeyFileWhosePublicKeyDoesNotMatchIsRefused() throws IOException {
    Path file = directory.resolve("key.pem");
    SigningKey.loadOrCreate(file);
    String pem = Files.readString(file);
    String privateOnly = pem.substring(0, pem.indexOf("-----BEGIN PUBLIC KEY-----"));
    Files.writeString(file, privateOnly + SigningKey.generate().publicKeyPem());

    assertThatThrownBy(() -> SigningKey.loadOrCreate(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void signedHeadsVerifyAndAnyChangedFieldFails() {
    SigningKey key = SigningKey.generate();
    String root = Base64.getEncoder().encodeToString(new byte[32]);
    SignedTreeHead head = sign(key, 42, root, 1764151200123L);

    assertThat(TreeHeadSignatures.verify(key.publicKey(), head)).isTrue();
    assertThat(TreeHeadSignatures.verify(key.publicKey(), withSize(head, 43))).isFalse();
    assertThat(
            TreeHeadSignatures.verify(
                key.publicKey(),
                new SignedTreeHead(
                    42,
                    Base64.getEncoder().encodeToString(new byte[] {1}),
                    head.timestamp(),
                    head.signature(),
                    head.keyId())))
        .isFalse();
    assertThat(
            TreeHeadSignatures.verify(
                key.publicKey(),
                new SignedTreeHead(42, root, head.timestamp() + 1, head.signature(), head.keyId())))
        .isFalse();
    assertThat(TreeHeadSignatures.verify(SigningKey.generate().publicKey(), head)).isFalse();
    assertThat(
            TreeHeadSignatures.verify(
                key.publicKey(), new SignedTreeHead(42, root, 1, "not base64!", "k")))
        .isFalse();
  }

  @Test
  void signatureCoversSizeRootAndTimestampSeparatedByNewlines() {
    assertThat(new String(TreeHeadSignatures.signedBytes(7, "abc=", 99), StandardCharsets.UTF_8))
        .isEqualTo("7\nabc=\n99");
  }

  @Test
  void publicKeyPemRoundTrips() {
    SigningKey key = SigningKey.generate();

    assertThat(key.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
    assertThat(TreeHeadSignatures.fromPem(key.publicKeyPem())).isEqualTo(key.publicKey());
    assertThatThrownBy(() -> TreeHeadSignatures.fromPem("nothing here"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static SignedTreeHead sign(SigningKey key, long size, String root, long timestamp) {
    return new SignedTreeHead(
        size,
        root,
        timestamp,
        Base64.getEncoder()
            .encodeToString(key.sign(TreeHeadSignatures.signedBytes(size, root, timestamp))),
        key.keyId());
  }

  private static SignedTreeHead withSize(SignedTreeHead head, long size) {
    return new SignedTreeHead(
        size, head.rootHash(), head.timestamp(), head.signature(), head.keyId());
  }
}
