package org.civitas.standalone;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.civitas.contract.Roles;

/**
 * Tokens an attacker would try, each wrong in exactly one way. Those that need a signature the
 * platform trusts are signed with auth-server's own key, read from the platform's data directory
 * the test owns: that is the only way to prove that expiry and issuer are checked on their own, not
 * merely as a side effect of a bad signature. Every forged token claims every role, so nothing but
 * the token check can stop it.
 */
final class ForgedTokens {

  static final List<String> EVERY_ROLE =
      List.of(Roles.VENDOR, Roles.STAFF, Roles.POLICY_ADMIN, Roles.LAW_ENFORCEMENT, Roles.AUDITOR);

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

  private final RSAKey platformKey;
  private final String issuer;

  ForgedTokens(Path signingKeyFile, String issuer) {
    this.platformKey = readKey(signingKeyFile);
    this.issuer = issuer;
  }

  /** Nothing wrong with it: the control that shows the forging itself is sound. */
  String valid(String subject, List<String> roles) {
    return sign(platformKey, claims(issuer, Instant.now(), roles).subject(subject).build());
  }

  /** Trusted key and issuer, but its lifetime ended ten minutes ago (beyond any clock skew). */
  String expired() {
    return sign(platformKey, claims(issuer, Instant.now().minus(Duration.ofMinutes(25))).build());
  }

  /** Trusted key, right lifetime, but issued by someone else. */
  String fromForeignIssuer() {
    return sign(platformKey, claims("https://issuer.attacker.example", Instant.now()).build());
  }

  /** Right issuer and lifetime, even the trusted key's id, but signed by another key. */
  String signedByForeignKey() {
    try {
      RSAKey foreign = new RSAKeyGenerator(2048).keyID(platformKey.getKeyID()).generate();
      return sign(foreign, claims(issuer, Instant.now()).build());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code alg: none} with no signature at all. */
  String unsigned() {
    String header = "{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + platformKey.getKeyID() + "\"}";
    return encode(header) + "." + encode(claims(issuer, Instant.now()).build().toString()) + ".";
  }

  /**
   * HS256, keyed with the platform's public key: a verifier that took the algorithm from the token
   * would check it with the public key as an HMAC secret, and accept it.
   */
  String hmacWithPublicKey() {
    try {
      String header =
          "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + platformKey.getKeyID() + "\"}";
      String signingInput =
          encode(header) + "." + encode(claims(issuer, Instant.now()).build().toString());
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              platformKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8),
              "HmacSHA256"));
      return signingInput
          + "."
          + URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A genuine token with one bit of its signature flipped. */
  static String withFlippedSignature(String token) {
    String[] parts = token.split("\\.");
    byte[] signature = URL_DECODER.decode(parts[2]);
    signature[signature.length / 2] ^= 0x01;
    return parts[0] + "." + parts[1] + "." + URL.encodeToString(signature);
  }

  /** A genuine token whose claims were rewritten to every role, keeping the original signature. */
  String withEscalatedClaims(String token) {
    String[] parts = token.split("\\.");
    return parts[0]
        + "."
        + encode(claims(issuer, Instant.now()).build().toString())
        + "."
        + parts[2];
  }

  private JWTClaimsSet.Builder claims(String iss, Instant issuedAt) {
    return claims(iss, issuedAt, EVERY_ROLE).subject("mallory");
  }

  private static JWTClaimsSet.Builder claims(String iss, Instant issuedAt, List<String> roles) {
    return new JWTClaimsSet.Builder()
        .issuer(iss)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(issuedAt))
        .notBeforeTime(Date.from(issuedAt))
        .expirationTime(Date.from(issuedAt.plus(Duration.ofMinutes(15))))
        .claim(Roles.ROLES_CLAIM, roles)
        .claim(Roles.VENDOR_ID_CLAIM, "acme")
        .claim(Roles.ORGANIZATION_CLAIM, "Role matrix");
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String json) {
    return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static RSAKey readKey(Path file) {
    try {
      RSAKey key = JWK.parse(Files.readString(file, StandardCharsets.UTF_8)).toRSAKey();
      return key.getKeyID() != null ? key : new RSAKey.Builder(key).keyIDFromThumbprint().build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("not an RSA JWK: " + file, e);
    }
  }
}
