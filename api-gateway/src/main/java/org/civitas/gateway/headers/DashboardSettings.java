package org.civitas.gateway.headers;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the dashboard page may talk to besides its own origin.
 *
 * @param issuerUri the OIDC issuer the dashboard's auditor sign-in calls from the browser
 *     (discovery and token endpoint); by default the issuer the gateway validates tokens of. Empty:
 *     the page may only connect to its own origin, and auditor sign-in cannot complete.
 */
@ConfigurationProperties("civitas.gateway.dashboard")
record DashboardSettings(URI issuerUri) {

  /** The issuer's origin (scheme, host, port) for a CSP source list, or null when there is none. */
  String issuerOrigin() {
    if (issuerUri == null || issuerUri.getScheme() == null || issuerUri.getHost() == null) {
      return null;
    }
    return issuerUri.getScheme()
        + "://"
        + issuerUri.getHost()
        + (issuerUri.getPort() == -1 ? "" : ":" + issuerUri.getPort());
  }
}
