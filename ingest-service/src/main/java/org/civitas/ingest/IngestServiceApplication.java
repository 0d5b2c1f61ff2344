package org.civitas.ingest;

import java.time.Clock;
import org.civitas.contract.Roles;
import org.civitas.kit.security.ServiceSecurity;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The vendor ingest edge: validates readings against the registry and writes them to Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(IngestServiceApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    return ServiceSecurity.resourceServer(
        http,
        auth ->
            auth.requestMatchers(HttpMethod.POST, "/api/v1/ingest/readings").hasRole(Roles.VENDOR));
  }
}
