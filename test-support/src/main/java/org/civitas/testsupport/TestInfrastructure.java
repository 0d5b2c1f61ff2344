package org.civitas.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Entry point for tests: {@link #shared()} starts Kafka and PostgreSQL once per JVM; the register
 * methods point a Spring context at them and at the test token issuer.
 *
 * <pre>
 * &#64;DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *   TestInfrastructure.registerAll(registry, "policy");
 * }
 * </pre>
 */
public final class TestInfrastructure {

  /**
   * System property choosing the infrastructure: {@code embedded} (default) or {@code containers}.
   */
  public static final String SWITCH = "civitas.test.infra";

  private static volatile Infrastructure shared;

  public static Infrastructure shared() {
    Infrastructure current = shared;
    if (current == null) {
      synchronized (TestInfrastructure.class) {
        current = shared;
        if (current == null) {
          current =
              "containers".equals(System.getProperty(SWITCH, "embedded"))
                  ? new ContainerInfrastructure()
                  : new EmbeddedInfrastructure();
          shared = current;
        }
      }
    }
    return current;
  }

  public static void registerKafka(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", () -> shared().kafkaBootstrapServers());
  }

  public static void registerDatabase(DynamicPropertyRegistry registry, String database) {
    registry.add("spring.datasource.url", () -> shared().jdbcUrl(database));
    registry.add("spring.datasource.username", () -> shared().username());
    registry.add("spring.datasource.password", () -> shared().password());
  }

  /** Points resource-server JWT validation at the {@link TestTokens} issuer. */
  public static void registerTokenIssuer(DynamicPropertyRegistry registry) {
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.issuer());
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestTokens.jwkSetUri());
  }

  public static void registerAll(DynamicPropertyRegistry registry, String database) {
    registerKafka(registry);
    registerDatabase(registry, database);
    registerTokenIssuer(registry);
  }

  private TestInfrastructure() {}
}
