package org.civitas.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The gateway checks that a caller is who its token says, and nothing more: which role may do what
 * is decided by each service, which validates the same token again. The public paths are the
 * anonymous row of CONTRACT §2.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

  /** What anyone may read without a token (CONTRACT §2, §7.2, §7.3, §9). */
  static final String[] PUBLIC_READS = {
    "/transparency",
    "/transparency/**",
    "/api/v1/transparency/report",
    "/api/v1/public/registry",
    "/api/v1/audit/tree-head",
    "/api/v1/audit/tree-heads",
    "/api/v1/audit/public-key",
    "/actuator/health",
    "/actuator/health/**",
    "/docs",
    "/swagger-ui/**",
    "/v3/api-docs/**",
    "/internal/gateway-api-docs/**"
  };

  @Bean
  SecurityFilterChain gatewaySecurityFilterChain(HttpSecurity http) throws Exception {
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        // the security headers are set for every response by the headers filter, which runs
        // before this chain; Spring Security's own set would differ per path
        .headers(headers -> headers.disable())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(Customizer.withDefaults())
                    .authenticationEntryPoint(ProblemAuthenticationHandlers.unauthorized())
                    .accessDeniedHandler(ProblemAuthenticationHandlers.forbidden()))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(ProblemAuthenticationHandlers.unauthorized())
                    .accessDeniedHandler(ProblemAuthenticationHandlers.forbidden()))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(HttpMethod.GET, PUBLIC_READS)
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    .requestMatchers("/api/**", "/transparency", "/transparency/**")
                    .authenticated()
                    // anything else is no route at all: let it reach the 404
                    .anyRequest()
                    .permitAll());
    return http.build();
  }
}
