package org.civitas.auth.issuer;

import java.util.stream.Collectors;
import org.civitas.auth.identity.Identities;
import org.civitas.auth.identity.IdentitySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

@Configuration(proxyBeanMethods = false)
class IssuerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(IssuerConfiguration.class);

  @Bean
  RegisteredClients registeredClients(
      IdentitySettings identities, AccessTokenSettings tokens, PasswordEncoder encoder) {
    RegisteredClients clients = RegisteredClients.from(identities, tokens, encoder);
    if (clients.all().isEmpty()) {
      log.warn(
          "No OAuth2 clients configured (civitas.auth.clients is empty): no tokens can be issued."
              + " Activate the 'demo' profile for the demo clients.");
    } else {
      log.info(
          "OAuth2 clients (access tokens valid {}): {}",
          tokens.timeToLive(),
          clients.all().stream()
              .map(IssuerConfiguration::describe)
              .collect(Collectors.joining(", ")));
    }
    return clients;
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> identityClaims(Identities identities) {
    return new IdentityClaims(identities);
  }

  @Bean
  OAuth2AuthorizationService authorizationService() {
    return new UserAuthorizationsOnly();
  }

  private static String describe(RegisteredClient client) {
    return client.getClientId()
        + (client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.CLIENT_CREDENTIALS)
            ? " (client credentials)"
            : " (authorization code + PKCE)");
  }
}
