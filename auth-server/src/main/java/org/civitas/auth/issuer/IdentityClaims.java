package org.civitas.auth.issuer;

import java.util.Optional;
import org.civitas.auth.identity.Identities;
import org.civitas.auth.identity.Identity;
import org.civitas.contract.Roles;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the claims of CONTRACT §2 into access and ID tokens: {@code roles}, {@code organization}
 * and, for vendors, {@code vendor_id}. The values come from configuration only, never from the
 * token request, so a client cannot ask for more than it was given.
 */
final class IdentityClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private final Identities identities;

  IdentityClaims(Identities identities) {
    this.identities = identities;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
    boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
    if (!accessToken && !idToken) {
      return;
    }
    // Fail closed: a token without roles would be a valid token that nobody can reason about.
    Identity identity =
        identityOf(context)
            .orElseThrow(
                () ->
                    new OAuth2AuthenticationException(
                        new OAuth2Error(
                            OAuth2ErrorCodes.SERVER_ERROR, "No identity for the principal", null)));
    JwtClaimsSet.Builder claims = context.getClaims();
    claims
        .subject(identity.subject())
        .claim(Roles.ROLES_CLAIM, identity.roles())
        .claim(Roles.ORGANIZATION_CLAIM, identity.organization());
    if (identity.vendorId() != null) {
      claims.claim(Roles.VENDOR_ID_CLAIM, identity.vendorId());
    }
  }

  private Optional<Identity> identityOf(JwtEncodingContext context) {
    if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
      return identities.ofClient(context.getRegisteredClient().getClientId());
    }
    return identities.ofUser(context.getPrincipal().getName());
  }
}
