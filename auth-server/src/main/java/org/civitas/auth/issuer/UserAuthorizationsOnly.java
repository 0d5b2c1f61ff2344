package org.civitas.auth.issuer;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Remembers authorizations of signed-in users (the authorization-code flow needs them between
 * requests) but not client-credentials grants. Those tokens are self-contained JWTs verified
 * against the JWKS, nothing ever looks them up again, and keeping every one of them in memory would
 * let any client grow the heap without bound by asking for tokens in a loop. The price:
 * introspection and revocation do not know client-credentials tokens, which expire within 15
 * minutes anyway.
 */
final class UserAuthorizationsOnly implements OAuth2AuthorizationService {

  private final OAuth2AuthorizationService delegate = new InMemoryOAuth2AuthorizationService();

  @Override
  public void save(OAuth2Authorization authorization) {
    if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(
        authorization.getAuthorizationGrantType())) {
      delegate.save(authorization);
    }
  }

  @Override
  public void remove(OAuth2Authorization authorization) {
    delegate.remove(authorization);
  }

  @Override
  public OAuth2Authorization findById(String id) {
    return delegate.findById(id);
  }

  @Override
  public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    return delegate.findByToken(token, tokenType);
  }
}
