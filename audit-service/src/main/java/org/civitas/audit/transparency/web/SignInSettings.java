package org.civitas.audit.transparency.web;

/**
 * What the auditor view needs to start a sign-in: the issuer (whose discovery document names the
 * endpoints), the client id, and the path on the page's own origin that receives the code.
 */
record SignInSettings(boolean enabled, String issuer, String clientId, String redirectPath) {

  static final String CALLBACK_PATH = "/transparency/auditor/callback";

  static SignInSettings of(DashboardSettings settings) {
    return new SignInSettings(
        settings.issuerUri() != null, settings.issuerUri(), settings.clientId(), CALLBACK_PATH);
  }
}
