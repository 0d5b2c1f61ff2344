package org.civitas.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFileUnitTest {

  @TempDir Path directory;

  @Test
  void firstUseGeneratesAnRsaKeyReadableByItsOwnerOnly() throws Exception {
    Path file = directory.resolve("data/auth/signing-key.json");

    RSAKey key = new SigningKeyFile(file).loadOrCreate();

    assertThat(key.isPrivate()).isTrue();
    assertThat(key.size()).isEqualTo(2048);
    assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
    assertThat(file).exists();
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(RSAKey.parse(Files.readString(file))).isEqualTo(key);
    try (var leftovers = Files.list(file.getParent())) {
      assertThat(leftovers).containsExactly(file);
    }
  }

  @Test
  void storedKeyIsReusedWithTheSameKeyId() {
    Path file = directory.resolve("signing-key.json");
    RSAKey created = new SigningKeyFile(file).loadOrCreate();

    RSAKey loaded = new SigningKeyFile(file).loadOrCreate();

    assertThat(loaded.getKeyID()).isEqualTo(created.getKeyID());
    assertThat(loaded.getModulus()).isEqualTo(created.getModulus());
    assertThat(loaded.getPrivateExponent()).isEqualTo(created.getPrivateExponent());
  }

  @Test
  void keyWithoutKeyIdGetsItsThumbprintAsKeyId() throws Exception {
    Path file = directory.resolve("signing-key.json");
    RSAKey withoutKid = new RSAKeyGenerator(2048).generate();
    Files.writeString(file, withoutKid.toJSONString());

    RSAKey first = new SigningKeyFile(file).loadOrCreate();
    RSAKey second = new SigningKeyFile(file).loadOrCreate();

    assertThat(first.getKeyID()).isEqualTo(withoutKid.computeThumbprint().toString());
    assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
  }

  @Test
  void looseFilePermissionsAreTightened() throws Exception {
    Path file = directory.resolve("signing-key.json");
    new SigningKeyFile(file).loadOrCreate();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    new SigningKeyFile(file).loadOrCreate();

    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void fileWithoutPrivateKeyIsRefusedAndLeftAlone() throws Exception {
    Path file = directory.resolve("signing-key.json");
    String publicOnly = new RSAKeyGenerator(2048).generate().toPublicJWK().toJSONString();
    Files.writeString(file, publicOnly);

    assertThatThrownBy(() -> new SigningKeyFile(file).loadOrCreate())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no RSA private key");
    assertThat(Files.readString(file)).isEqualTo(publicOnly);
  }

  @Test
  void unreadableFileIsRefusedWithoutQuotingIt() throws Exception {
    Path file = directory.resolve("signing-key.json");
    Files.writeString(file, "{\"kty\":\"RSA\",\"d\":\"secret-material");

    assertThatThrownBy(() -> new SigningKeyFile(file).loadOrCreate())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not valid JWK JSON")
        .hasMessageNotContaining("secret-material")
        .hasNoCause();
  }

  @Test
  void keysShorterThan2048BitsAreRefused() throws Exception {
    Path file = directory.resolve("signing-key.json");
    Files.writeString(file, new RSAKeyGenerator(1024, true).generate().toJSONString());

    assertThatThrownBy(() -> new SigningKeyFile(file).loadOrCreate())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("shorter than 2048");
  }
}
