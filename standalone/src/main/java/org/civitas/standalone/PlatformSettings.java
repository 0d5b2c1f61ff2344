package org.civitas.standalone;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.civitas.infra.FreePorts;

/**
 * Where the platform keeps its data, where the service jars are, and which ports everything uses.
 * Defaults are the ports of CONTRACT §1; tests choose free ones.
 */
public record PlatformSettings(
    Path dataDirectory,
    Path repositoryRoot,
    int kafkaPort,
    int postgresPort,
    int gatewayPort,
    int ingestPort,
    int policyPort,
    int auditPort,
    int authPort,
    boolean simulator,
    String simulatorVia,
    int simulatorRate) {

  static PlatformSettings defaults(Path repositoryRoot) {
    return new PlatformSettings(
        repositoryRoot.resolve("data"),
        repositoryRoot,
        9092,
        5432,
        8080,
        8081,
        8082,
        8083,
        9000,
        true,
        "kafka",
        5);
  }

  /** Every port free on this machine, no simulator: for tests that drive the platform. */
  public static PlatformSettings onFreePorts(Path dataDirectory, Path repositoryRoot) {
    return new PlatformSettings(
        dataDirectory,
        repositoryRoot,
        FreePorts.next(),
        FreePorts.next(),
        FreePorts.next(),
        FreePorts.next(),
        FreePorts.next(),
        FreePorts.next(),
        FreePorts.next(),
        false,
        "kafka",
        0);
  }

  /** The same settings with the simulator publishing this many readings per second to Kafka. */
  public PlatformSettings withKafkaSimulator(int rate) {
    return new PlatformSettings(
        dataDirectory,
        repositoryRoot,
        kafkaPort,
        postgresPort,
        gatewayPort,
        ingestPort,
        policyPort,
        auditPort,
        authPort,
        true,
        "kafka",
        rate);
  }

  /** Reads {@code --key=value} arguments over the defaults. */
  static PlatformSettings fromArguments(String[] args, Path repositoryRoot) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (arg.startsWith("--") && arg.contains("=")) {
        options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
      } else {
        throw new IllegalArgumentException("unknown argument: " + arg);
      }
    }
    PlatformSettings d = defaults(repositoryRoot);
    return new PlatformSettings(
        Path.of(options.getOrDefault("data-dir", d.dataDirectory().toString()))
            .toAbsolutePath()
            .normalize(),
        repositoryRoot,
        intOption(options, "kafka-port", d.kafkaPort()),
        intOption(options, "postgres-port", d.postgresPort()),
        intOption(options, "gateway-port", d.gatewayPort()),
        intOption(options, "ingest-port", d.ingestPort()),
        intOption(options, "policy-port", d.policyPort()),
        intOption(options, "audit-port", d.auditPort()),
        intOption(options, "auth-port", d.authPort()),
        Boolean.parseBoolean(options.getOrDefault("simulator", "true")),
        options.getOrDefault("simulator-via", d.simulatorVia()),
        intOption(options, "simulator-rate", d.simulatorRate()));
  }

  public String issuerUri() {
    return "http://localhost:" + authPort;
  }

  public String gatewayUrl() {
    return "http://localhost:" + gatewayPort;
  }

  /** Where auth-server sends auditors back after sign-in: the dashboard, through the gateway. */
  String dashboardRedirectUri() {
    return gatewayUrl() + "/transparency/auditor/callback";
  }

  private static int intOption(Map<String, String> options, String name, int fallback) {
    String value = options.get(name);
    return value == null ? fallback : Integer.parseInt(value);
  }
}
