package org.civitas.auth.issuer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lifetime of issued access tokens.
 *
 * @param timeToLive how long an access token is valid; at most 15 minutes, because services cannot
 *     revoke a self-contained token and a stolen one must expire quickly
 */
@ConfigurationProperties("civitas.auth.access-token")
record AccessTokenSettings(@DefaultValue("15m") Duration timeToLive) {

  static final Duration MAX_TIME_TO_LIVE = Duration.ofMinutes(15);

  AccessTokenSettings {
    if (timeToLive.isNegative()
        || timeToLive.isZero()
        || timeToLive.compareTo(MAX_TIME_TO_LIVE) > 0) {
      throw new IllegalArgumentException(
          "civitas.auth.access-token.time-to-live must be positive and at most "
              + MAX_TIME_TO_LIVE
              + ", was "
              + timeToLive);
    }
  }
}
