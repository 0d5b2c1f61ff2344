package org.civitas.cli.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

  private static String jwt(String payloadJson) {
    return "eyJhbGciOiJFUzI1NiJ9."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8))
        + ".sig";
  }

  @Test
  void claimsAreReadFromTheBase64UrlPayload() {
    // "?>" encodes to base64url characters '-' and '_' territory; make sure the URL alphabet is
    // used.
    String token =
        jwt(
            "{\"sub\":\"city-it\",\"roles\":[\"STAFF\",\"AUDITOR\"],\"organization\":\"City IT ?>\","
                + "\"iss\":\"http://localhost:9000\",\"exp\":1764151200}");

    TokenClaims claims = TokenClaims.decode(token).orElseThrow();

    assertThat(claims.subject()).isEqualTo("city-it");
    assertThat(claims.roles()).containsExactly("STAFF", "AUDITOR");
    assertThat(claims.organization()).isEqualTo("City IT ?>");
    assertThat(claims.issuer()).isEqualTo("http://localhost:9000");
    assertThat(claims.expiresAt()).contains(Instant.ofEpochSecond(1764151200));
    assertThat(claims.vendorId()).isNull();
  }

  @Test
  void paddedPayloadsAreAcceptedToo() {
    String padded =
        "h."
            + Base64.getUrlEncoder()
                .encodeToString(
                    "{\"sub\":\"vendor-acme\",\"vendor_id\":\"acme\"}"
                        .getBytes(StandardCharsets.UTF_8))
            + ".s";

    assertThat(TokenClaims.decode(padded).orElseThrow().vendorId()).isEqualTo("acme");
  }

  @Test
  void opaqueOrMalformedTokensHaveNoClaims() {
    assertThat(TokenClaims.decode("opaque-token")).isEmpty();
    assertThat(TokenClaims.decode("a.!!!.c")).isEmpty();
    assertThat(
            TokenClaims.decode(
                "a."
                    + Base64.getUrlEncoder().encodeToString("[1]".getBytes(StandardCharsets.UTF_8))
                    + ".c"))
        .isEmpty();
  }
}
