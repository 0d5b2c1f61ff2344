package org.civitas.cli.session;

import java.time.Duration;
import java.time.Instant;

/**
 * What {@code civitas login} keeps between commands. Deliberately has no field for the client
 * secret: the secret is used once for the token request and never stored.
 *
 * @param expiresAt when the token stops being accepted, or null when the issuer did not say
 */
public record CachedToken(
    String accessToken,
    String tokenType,
    Instant expiresAt,
    Instant obtainedAt,
    String tokenUrl,
    String clientId,
    String scope) {

  /** Tokens this close to expiry are treated as expired, so a request does not fail midway. */
  static final Duration EXPIRY_MARGIN = Duration.ofSeconds(5);

  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt.minus(EXPIRY_MARGIN));
  }
}
