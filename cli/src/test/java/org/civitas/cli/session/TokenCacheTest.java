package org.civitas.cli.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.failure.NotLoggedIn;
import org.civitas.contract.ContractJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class TokenCacheTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  @TempDir Path home;

  private TokenCache cache() {
    return new TokenCache(home.resolve(".config").resolve("civitas"));
  }

  private static CachedToken token(Instant expiresAt) {
    return new CachedToken(
        "header.payload.signature",
        "Bearer",
        expiresAt,
        NOW.minusSeconds(10),
        "http://localhost:9000/oauth2/token",
        "city-it",
        null);
  }

  @Test
  void tokenFileIsCreatedReadableOnlyByItsOwner() throws Exception {
    cache().save(token(NOW.plusSeconds(300)));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache().file())))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(cache().file().getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void replacingTheTokenKeepsItPrivateAndLeavesNoTemporaryFiles() throws Exception {
    cache().save(token(NOW.plusSeconds(300)));
    cache().save(token(NOW.plusSeconds(600)));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache().file())))
        .isEqualTo("rw-------");
    try (var files = Files.list(cache().file().getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("token.json");
    }
    assertThat(cache().load())
        .get()
        .extracting(CachedToken::expiresAt)
        .isEqualTo(NOW.plusSeconds(600));
  }

  @Test
  void aSavedTokenIsReadBackAsItWas() {
    CachedToken saved = token(NOW.plusSeconds(300));
    cache().save(saved);

    assertThat(cache().load()).contains(saved);
  }

  @Test
  void theCacheHoldsOnlyTokenFieldsNeverASecret() throws Exception {
    cache().save(token(NOW.plusSeconds(300)));

    JsonNode stored = ContractJson.mapper().readTree(Files.readString(cache().file()));
    assertThat(stored.propertyNames())
        .containsExactlyInAnyOrder(
            "accessToken", "tokenType", "expiresAt", "obtainedAt", "tokenUrl", "clientId", "scope");
  }

  @Test
  void withoutACachedTokenCommandsAreNotLoggedIn() {
    assertThatThrownBy(() -> cache().requireValid(NOW))
        .isInstanceOf(NotLoggedIn.class)
        .hasMessage("not logged in")
        .extracting(e -> ((NotLoggedIn) e).exitCode())
        .isEqualTo(ExitCodes.NOT_LOGGED_IN);
  }

  @Test
  void anExpiredTokenIsRefusedWithItsExpiry() {
    cache().save(token(NOW.minusSeconds(1)));

    assertThatThrownBy(() -> cache().requireValid(NOW))
        .isInstanceOf(NotLoggedIn.class)
        .hasMessageContaining("expired at 2026-11-26T09:59:59Z");
  }

  @Test
  void aTokenAboutToExpireCountsAsExpired() {
    cache().save(token(NOW.plusSeconds(2)));

    assertThatThrownBy(() -> cache().requireValid(NOW)).isInstanceOf(NotLoggedIn.class);
    assertThat(cache().validToken(NOW)).isEmpty();
  }

  @Test
  void aTokenWithoutKnownExpiryStaysUsable() {
    cache().save(token(null));

    assertThat(cache().requireValid(NOW).accessToken()).isEqualTo("header.payload.signature");
  }

  @Test
  void aDamagedCacheCountsAsNotLoggedIn() throws Exception {
    Files.createDirectories(cache().file().getParent());
    Files.writeString(cache().file(), "{not json");

    assertThatThrownBy(() -> cache().requireValid(NOW))
        .isInstanceOf(NotLoggedIn.class)
        .hasMessageContaining("damaged");
    assertThat(cache().validToken(NOW)).isEmpty();
  }

  @Test
  void deleteRemovesTheCacheAndSaysWhetherThereWasOne() {
    cache().save(token(NOW.plusSeconds(300)));

    assertThat(cache().delete()).isTrue();
    assertThat(cache().file()).doesNotExist();
    assertThat(cache().delete()).isFalse();
  }
}
