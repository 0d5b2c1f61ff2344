package org.civitas.policy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Sensor registry, policies, minimization, governed store, retention, residency, data access. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PolicyServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(PolicyServiceApplication.class, args);
  }
}
