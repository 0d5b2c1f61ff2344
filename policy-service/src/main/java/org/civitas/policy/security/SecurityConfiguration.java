package org.civitas.policy.security;

import static org.civitas.contract.Roles.AUDITOR;
import static org.civitas.contract.Roles.LAW_ENFORCEMENT;
import static org.civitas.contract.Roles.POLICY_ADMIN;
import static org.civitas.contract.Roles.STAFF;

import org.civitas.kit.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Role rules for every endpoint of policy-service (CONTRACT §2, §6, §8, §9). Anything not listed is
 * denied. Finer decisions (purpose, warrant, granularity) are taken by the active policy.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String[] SENSORS = {"/api/v1/sensors", "/api/v1/sensors/**"};

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    return ServiceSecurity.resourceServer(
        http,
        auth ->
            auth
                // policies
                .requestMatchers(HttpMethod.GET, "/api/v1/policies/active")
                .hasAnyRole(STAFF, POLICY_ADMIN, AUDITOR)
                .requestMatchers(
                    HttpMethod.GET, "/api/v1/policies/versions", "/api/v1/policies/versions/*")
                .hasAnyRole(POLICY_ADMIN, AUDITOR, STAFF)
                .requestMatchers(HttpMethod.PUT, "/api/v1/policies")
                .hasRole(POLICY_ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/policies/dry-run")
                .hasRole(POLICY_ADMIN)
                // data access
                .requestMatchers(HttpMethod.GET, "/api/v1/data/readings", "/api/v1/data/aggregates")
                .hasAnyRole(STAFF, LAW_ENFORCEMENT)
                .requestMatchers(HttpMethod.POST, "/api/v1/data/exports")
                .hasAnyRole(STAFF, LAW_ENFORCEMENT)
                // sensor registry
                .requestMatchers(HttpMethod.GET, SENSORS)
                .hasAnyRole(STAFF, POLICY_ADMIN, AUDITOR)
                .requestMatchers(SENSORS)
                .hasRole(STAFF)
                .requestMatchers(HttpMethod.GET, "/api/v1/public/registry")
                .permitAll()
                // retention and legal holds
                .requestMatchers("/api/v1/legal-holds", "/api/v1/legal-holds/**")
                .hasRole(STAFF)
                .requestMatchers(HttpMethod.POST, "/api/v1/retention/sweeps")
                .hasRole(STAFF));
  }
}
