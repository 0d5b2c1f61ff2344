package org.civitas.audit;

import org.civitas.contract.Roles;
import org.civitas.kit.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read what (CONTRACT §2, §7): tree heads, the public key and transparency pages are for
 * everyone; events and proofs only for auditors; everything else is denied.
 */
@Configuration
class AuditSecurity {

  @Bean
  SecurityFilterChain auditSecurityFilterChain(HttpSecurity http) throws Exception {
    return ServiceSecurity.resourceServer(
        http,
        auth ->
            auth.requestMatchers(
                    HttpMethod.GET,
                    "/api/v1/audit/tree-head",
                    "/api/v1/audit/tree-heads",
                    "/api/v1/audit/public-key",
                    "/api/v1/transparency/**",
                    "/transparency",
                    "/transparency/**")
                .permitAll()
                .requestMatchers(
                    HttpMethod.GET,
                    "/api/v1/audit/events",
                    "/api/v1/audit/events/**",
                    "/api/v1/audit/proofs/**")
                .hasRole(Roles.AUDITOR));
  }
}
