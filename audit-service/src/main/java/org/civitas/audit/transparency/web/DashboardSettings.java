package org.civitas.audit.transparency.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the dashboard's auditor view signs people in: authorization code with PKCE at an OIDC issuer,
 * as a public client. The redirect URI is not configured here: the page derives it from the origin
 * it was loaded from, which is the one the issuer must have registered.
 *
 * @param issuerUri the issuer, as browsers reach it; by default the issuer whose tokens this
 *     service accepts. Empty: the auditor view says that sign-in is not available.
 * @param clientId the dashboard's client id at the issuer
 */
@ConfigurationProperties("civitas.audit.dashboard")
record DashboardSettings(
    String issuerUri, @DefaultValue("transparency-dashboard") String clientId) {

  DashboardSettings {
    issuerUri = issuerUri == null || issuerUri.isBlank() ? null : issuerUri.strip();
  }
}
