package org.civitas.kit.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The one way services configure HTTP security: stateless bearer tokens, roles from the {@code
 * roles} claim, problem+json for 401/403, health probes, API description and metrics open,
 * everything else as the service says and denied by default.
 */
public final class ServiceSecurity {

  /**
   * What operators and the gateway's documentation page read without a token: the same figures as
   * {@code /actuator/prometheus} are open under {@code /actuator/metrics/{name}} (where a service
   * exposes it), one meter at a time, which costs a fraction of a whole scrape.
   */
  public static final String[] OPERATOR_READS = {
    "/v3/api-docs",
    "/v3/api-docs/**",
    "/actuator/prometheus",
    "/actuator/metrics",
    "/actuator/metrics/**",
    "/actuator/info"
  };

  public static SecurityFilterChain resourceServer(
      HttpSecurity http,
      Customizer<
              AuthorizeHttpRequestsConfigurer<HttpSecurity>
                  .AuthorizationManagerRequestMatcherRegistry>
          rules)
      throws Exception {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(new RolesClaimConverter());
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                    .authenticationEntryPoint(ProblemAuthenticationHandlers.unauthorized())
                    .accessDeniedHandler(ProblemAuthenticationHandlers.forbidden()))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(ProblemAuthenticationHandlers.unauthorized())
                    .accessDeniedHandler(ProblemAuthenticationHandlers.forbidden()))
        .authorizeHttpRequests(
            auth -> {
              auth.requestMatchers(HttpMethod.GET, "/actuator/health/**", "/actuator/health")
                  .permitAll()
                  // operator reads: the API description and metrics whose labels are bounded and
                  // never carry personal data; services are reached only inside the platform
                  .requestMatchers(HttpMethod.GET, OPERATOR_READS)
                  .permitAll()
                  .requestMatchers("/error")
                  .permitAll();
              rules.customize(auth);
              auth.anyRequest().denyAll();
            });
    return http.build();
  }

  private ServiceSecurity() {}
}
