package org.civitas.auth.issuer;

import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Two filter chains: the OAuth2/OIDC protocol endpoints, and everything else (the sign-in form,
 * health). Browsers that need to sign in are sent to the form; API clients get problem+json.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSecurity {

  private static final String LOGIN_PAGE = "/login";

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerFilterChain(HttpSecurity http) throws Exception {
    http.oauth2AuthorizationServer(
            server -> {
              http.securityMatcher(server.getEndpointsMatcher());
              server
                  .oidc(Customizer.withDefaults())
                  .tokenEndpoint(
                      token -> token.accessTokenRequestConverter(new DefaultClientScopes()));
            })
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        // the OIDC UserInfo endpoint accepts the issued access tokens
        .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
        .cors(Customizer.withDefaults())
        .exceptionHandling(
            exceptions ->
                exceptions.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), browserRequests()));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain signInFilterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(Customizer.withDefaults())
        .exceptionHandling(
            exceptions ->
                exceptions
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), browserRequests())
                    .defaultAuthenticationEntryPointFor(
                        ProblemResponses.unauthorized(), AnyRequestMatcher.INSTANCE)
                    .accessDeniedHandler(ProblemResponses.forbidden()));
    return http.build();
  }

  /**
   * The dashboard is a browser client on another origin: it fetches discovery and keys and
   * exchanges its code for a token with cross-origin requests.
   */
  @Bean
  CorsConfigurationSource corsConfigurationSource(RegisteredClients clients) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    List<String> origins = clients.browserOrigins();
    if (!origins.isEmpty()) {
      CorsConfiguration cors = new CorsConfiguration();
      cors.setAllowedOrigins(origins);
      cors.setAllowedMethods(List.of("GET", "POST"));
      cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
      cors.setMaxAge(3600L);
      source.registerCorsConfiguration("/**", cors);
    }
    return source;
  }

  private static RequestMatcher browserRequests() {
    MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
    html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
    return html;
  }
}
