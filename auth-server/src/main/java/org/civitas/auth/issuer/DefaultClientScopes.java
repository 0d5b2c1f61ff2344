package org.civitas.auth.issuer;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Grants a client-credentials request without a {@code scope} parameter the client's registered
 * scopes (RFC 6749 §3.3 lets the server apply a default), so every access token carries {@code
 * scope} and clients need not know scope names.
 */
final class DefaultClientScopes implements AuthenticationConverter {

  private final AuthenticationConverter delegate =
      new OAuth2ClientCredentialsAuthenticationConverter();

  @Override
  public Authentication convert(HttpServletRequest request) {
    Authentication converted = delegate.convert(request);
    if (converted instanceof OAuth2ClientCredentialsAuthenticationToken token
        && token.getScopes().isEmpty()
        && token.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
        && client.getRegisteredClient() != null) {
      return new OAuth2ClientCredentialsAuthenticationToken(
          client, client.getRegisteredClient().getScopes(), token.getAdditionalParameters());
    }
    return converted;
  }
}
