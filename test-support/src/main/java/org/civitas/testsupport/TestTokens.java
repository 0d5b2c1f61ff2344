package org.civitas.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civitas.contract.Roles;

/**
 * A token issuer for tests: a fresh RSA key per JVM, its JWKS served over real HTTP on loopback,
 * and signed JWTs carrying the claims of CONTRACT §2. No key material is stored anywhere.
 */
public final class TestTokens {

  private static final Issuer ISSUER = new Issuer();

  public static String issuer() {
    return ISSUER.baseUrl;
  }

  public static String jwkSetUri() {
    return ISSUER.baseUrl + "/oauth2/jwks";
  }

  /** A token for the subject with the given roles, valid for ten minutes. */
  public static String token(String subject, String organization, String... roles) {
    return sign(subject, List.of(roles), Map.of(Roles.ORGANIZATION_CLAIM, organization));
  }

  public static String staff() {
    return token("city-it", "City IT", Roles.STAFF);
  }

  public static String policyAdmin() {
    return token("policy-admin", "City Privacy Office", Roles.POLICY_ADMIN);
  }

  public static String auditor() {
    return token("auditor", "Office of the Auditor General", Roles.AUDITOR);
  }

  public static String lawEnforcement() {
    return token("police-liaison", "City Police", Roles.LAW_ENFORCEMENT);
  }

  public static String vendor(String vendorId) {
    return sign(
        "vendor-" + vendorId,
        List.of(Roles.VENDOR),
        Map.of(Roles.VENDOR_ID_CLAIM, vendorId, Roles.ORGANIZATION_CLAIM, vendorId));
  }

  /** A token whose lifetime ended before it is used. */
  public static String expired(String subject, String... roles) {
    return sign(subject, List.of(roles), Map.of(), Instant.now().minus(Duration.ofHours(1)));
  }

  public static String sign(String subject, List<String> roles, Map<String, Object> claims) {
    return sign(subject, roles, claims, Instant.now());
  }

  private static String sign(
      String subject, List<String> roles, Map<String, Object> claims, Instant issuedAt) {
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER.baseUrl)
            .subject(subject)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(issuedAt))
            .notBeforeTime(Date.from(issuedAt))
            .expirationTime(Date.from(issuedAt.plus(Duration.ofMinutes(10))))
            .claim(Roles.ROLES_CLAIM, roles);
    claims.forEach(builder::claim);
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ISSUER.key.getKeyID()).build(),
              builder.build());
      jwt.sign(new RSASSASigner(ISSUER.key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Issuer {
    final RSAKey key;
    final String baseUrl;

    Issuer() {
      try {
        key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
            "/oauth2/jwks",
            exchange -> {
              exchange.getResponseHeaders().add("Content-Type", "application/json");
              exchange.sendResponseHeaders(200, jwks.length);
              exchange.getResponseBody().write(jwks);
              exchange.close();
            });
        server.setExecutor(null);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private TestTokens() {}
}
