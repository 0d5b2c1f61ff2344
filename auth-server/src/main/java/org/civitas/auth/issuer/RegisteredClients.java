package org.civitas.auth.issuer;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.civitas.auth.identity.Credentials;
import org.civitas.auth.identity.IdentitySettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The OAuth2 clients, built from configuration at start-up. Unlike the in-memory repository of
 * Spring Authorization Server it may be empty: an issuer without clients is a valid (if idle)
 * deployment.
 */
final class RegisteredClients implements RegisteredClientRepository {

  private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();
  private final Map<String, RegisteredClient> byClientId = new ConcurrentHashMap<>();

  RegisteredClients(List<RegisteredClient> clients) {
    clients.forEach(this::save);
  }

  static RegisteredClients from(
      IdentitySettings identities, AccessTokenSettings tokens, PasswordEncoder encoder) {
    TokenSettings tokenSettings =
        TokenSettings.builder()
            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
            .accessTokenTimeToLive(tokens.timeToLive())
            .build();
    List<RegisteredClient> clients = new ArrayList<>();
    for (IdentitySettings.Client client : identities.clients()) {
      clients.add(
          RegisteredClient.withId(client.clientId())
              .clientId(client.clientId())
              .clientName(client.organization())
              .clientSecret(Credentials.encoded(encoder, client.secret()))
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
              .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
              .scopes(scopes -> scopes.addAll(client.scopes()))
              .tokenSettings(tokenSettings)
              .build());
    }
    IdentitySettings.Dashboard dashboard = identities.dashboard();
    if (dashboard.enabled()) {
      clients.add(
          RegisteredClient.withId(dashboard.clientId())
              .clientId(dashboard.clientId())
              .clientName("Transparency dashboard")
              .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
              .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
              .redirectUris(uris -> uris.addAll(dashboard.redirectUris()))
              .scope(OidcScopes.OPENID)
              .scope(OidcScopes.PROFILE)
              .clientSettings(
                  ClientSettings.builder()
                      .requireProofKey(true)
                      .requireAuthorizationConsent(false)
                      .build())
              .tokenSettings(tokenSettings)
              .build());
    }
    return new RegisteredClients(clients);
  }

  /** Origins (scheme, host, port) of the browser clients' redirect URIs. */
  List<String> browserOrigins() {
    return byId.values().stream()
        .filter(c -> c.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE))
        .flatMap(c -> c.getRedirectUris().stream())
        .map(RegisteredClients::origin)
        .distinct()
        .sorted()
        .toList();
  }

  List<RegisteredClient> all() {
    return byId.values().stream()
        .sorted((a, b) -> a.getClientId().compareTo(b.getClientId()))
        .toList();
  }

  /** Called by Spring Authorization Server when it re-encodes a client secret. */
  @Override
  public void save(RegisteredClient client) {
    byId.put(client.getId(), client);
    byClientId.put(client.getClientId(), client);
  }

  @Override
  public RegisteredClient findById(String id) {
    return byId.get(id);
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    return byClientId.get(clientId);
  }

  private static String origin(String uri) {
    URI parsed = URI.create(uri);
    return parsed.getScheme()
        + "://"
        + parsed.getHost()
        + (parsed.getPort() == -1 ? "" : ":" + parsed.getPort());
  }
}
