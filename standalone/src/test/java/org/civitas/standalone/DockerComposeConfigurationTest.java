package org.civitas.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker cannot run on every build machine, so the compose file is checked against the services'
 * real configuration instead: an environment key that no service reads would silently do nothing.
 */
class DockerComposeConfigurationTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

  private static Path root;
  private static Map<String, Map<String, Object>> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readComposeFile() throws IOException {
    root = RunningPlatform.repositoryRoot();
    try (InputStream in = Files.newInputStream(root.resolve("docker-compose.yml"))) {
      Map<String, Object> compose = new Yaml().load(in);
      services = (Map<String, Map<String, Object>>) compose.get("services");
    }
  }

  @Test
  void everyPlatformProcessHasAService() {
    assertThat(services)
        .containsKeys(
            "kafka",
            "postgres",
            "auth-server",
            "ingest-service",
            "policy-service",
            "audit-service",
            "api-gateway",
            "sensor-simulator");
  }

  @Test
  void everyEnvironmentKeyIsReadByTheServiceItIsGivenTo() throws IOException {
    List<String> unread = new ArrayList<>();
    for (var service : civitasServices().entrySet()) {
      String module = service.getKey();
      List<String> placeholders = placeholdersOf(module);
      for (String key : environmentOf(service.getValue()).keySet()) {
        boolean profileSwitch =
            key.equals("SPRING_PROFILES_ACTIVE")
                && Files.exists(
                    resources(module)
                        .resolve(
                            "application-" + environmentOf(service.getValue()).get(key) + ".yml"));
        if (!profileSwitch && !placeholders.contains(key)) {
          unread.add(module + ": " + key);
        }
      }
    }
    assertThat(unread).as("environment keys no application.yml placeholder reads").isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void servicesWaitForHealthyDependenciesAndReportTheirOwnHealth() {
    for (var service : services.entrySet()) {
      Object dependsOn = service.getValue().get("depends_on");
      if (dependsOn instanceof Map<?, ?> dependencies) {
        for (Object condition : dependencies.values()) {
          assertThat(((Map<String, Object>) condition).get("condition"))
              .as("%s waits for a healthy dependency", service.getKey())
              .isEqualTo("service_healthy");
        }
      }
      if (!service.getKey().equals("sensor-simulator")) {
        assertThat(service.getValue()).as(service.getKey()).containsKey("healthcheck");
      }
    }
  }

  @Test
  void everyBuiltServiceIsAModuleOfThisBuild() {
    for (String module : civitasServices().keySet()) {
      assertThat(root.resolve(module).resolve("pom.xml")).as(module).exists();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> civitasServices() {
    Map<String, Map<String, Object>> built = new java.util.TreeMap<>();
    services.forEach(
        (name, definition) -> {
          if (definition.get("build") instanceof Map<?, ?> build
              && build.get("args") instanceof Map<?, ?> args) {
            assertThat(args.get("MODULE")).as("module of %s", name).isEqualTo(name);
            built.put(name, definition);
          }
        });
    return built;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> environmentOf(Map<String, Object> service) {
    Object environment = service.get("environment");
    return environment == null ? Map.of() : (Map<String, Object>) environment;
  }

  private static Path resources(String module) {
    return root.resolve(module).resolve("src/main/resources");
  }

  private static List<String> placeholdersOf(String module) throws IOException {
    List<String> keys = new ArrayList<>();
    try (Stream<Path> files = Files.list(resources(module))) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml")).toList()) {
        Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
        while (matcher.find()) {
          keys.add(matcher.group(1));
        }
      }
    }
    return keys;
  }
}
