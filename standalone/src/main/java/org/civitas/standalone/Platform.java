package org.civitas.standalone;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.civitas.infra.EmbeddedKafka;
import org.civitas.infra.EmbeddedPostgres;

/**
 * The whole platform on one machine. Kafka and PostgreSQL run in this JVM with their data under the
 * data directory; each service runs from its jar as its own process, configured here the same way
 * docker-compose.yml configures the containers.
 */
public final class Platform implements AutoCloseable {

  public static final List<String> DATABASES = List.of("policy", "policy_keys", "audit");

  /** Services that allocate for every reading, and the young generation they get. */
  private static final List<String> PER_READING_ALLOCATION =
      List.of("ingest-service", "policy-service");

  private static final int YOUNG_GENERATION_MB = 96;

  /**
   * Services that do work of their own for every reading, which run with the full JIT (see {@link
   * #service}). Not the gateway: it passes each batch through as bytes, and on a platform started a
   * minute before its C2 compilations took 10 % of a core while the load ran; with C1 alone it used
   * 19.7 % of a core instead of 25.8 % and governance kept up (docs/performance.md, Session 8).
   */
  private static final List<String> HOT_PATH = List.of("ingest-service", "policy-service");

  /**
   * How long each service may take to become healthy; a machine shared with parallel builds can
   * need more than the default, so {@value #START_TIMEOUT_PROPERTY} (an ISO-8601 duration) can
   * raise it.
   */
  static final String START_TIMEOUT_PROPERTY = "civitas.platform.start-timeout";

  private static final Duration START_TIMEOUT =
      Duration.parse(System.getProperty(START_TIMEOUT_PROPERTY, "PT3M"));

  private final PlatformSettings settings;
  private final EmbeddedKafka kafka;
  private final EmbeddedPostgres postgres;
  private final ServiceProcess authServer;
  private final List<ServiceProcess> services;
  private final ServiceProcess simulator;

  public Platform(PlatformSettings settings) {
    this.settings = settings;
    Path data = settings.dataDirectory();
    this.kafka =
        new EmbeddedKafka(
            data.resolve("kafka"),
            settings.kafkaPort(),
            Map.of("log.retention.check.interval.ms", "60000"));
    this.postgres = new EmbeddedPostgres(data.resolve("postgres"), settings.postgresPort());
    this.authServer =
        service(
            "auth-server",
            settings.authPort(),
            "192m",
            List.of(
                "--spring.profiles.active=demo",
                "--spring.security.oauth2.authorizationserver.issuer=" + settings.issuerUri(),
                // the dashboard's auditor sign-in returns to the gateway, whatever its port
                "--civitas.auth.dashboard.redirect-uris=" + settings.dashboardRedirectUri(),
                "--civitas.auth.key-file=" + data.resolve("auth/signing-key.json")));
    this.services =
        List.of(
            service(
                "policy-service",
                settings.policyPort(),
                "512m",
                withCommon(
                    true,
                    "--spring.profiles.active=demo",
                    "--spring.datasource.url=" + jdbcUrl("policy"),
                    "--civitas.keys.datasource.url=" + jdbcUrl("policy_keys"))),
            service(
                "audit-service",
                settings.auditPort(),
                "384m",
                withCommon(
                    true,
                    "--spring.datasource.url=" + jdbcUrl("audit"),
                    "--civitas.audit.signing-key-file=" + data.resolve("audit/tree-head-key.pem"))),
            service("ingest-service", settings.ingestPort(), "384m", withCommon(false)),
            service(
                "api-gateway",
                settings.gatewayPort(),
                "256m",
                withCommon(
                    false,
                    "--civitas.gateway.ingest-uri=http://localhost:" + settings.ingestPort(),
                    "--civitas.gateway.policy-uri=http://localhost:" + settings.policyPort(),
                    "--civitas.gateway.audit-uri=http://localhost:" + settings.auditPort())));
    this.simulator =
        settings.simulator()
            ? new ServiceProcess(
                "sensor-simulator",
                jar("sensor-simulator"),
                jvmOptions("128m"),
                List.of(
                    "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--civitas.simulator.via=" + settings.simulatorVia(),
                    "--civitas.simulator.rate=" + settings.simulatorRate(),
                    "--civitas.simulator.gateway-url=" + settings.gatewayUrl(),
                    "--civitas.simulator.token-url=" + settings.issuerUri() + "/oauth2/token"),
                null)
            : null;
  }

  /**
   * Starts everything and returns once every service reports healthy. When that fails, whatever was
   * started is stopped again: nobody else holds a reference that could stop it later.
   */
  public Platform start() throws InterruptedException {
    try {
      CompletableFuture<Void> kafkaStarted = CompletableFuture.runAsync(kafka::start);
      postgres.start();
      postgres.createDatabases(DATABASES);
      kafkaStarted.join();
      authServer.start();
      services.forEach(ServiceProcess::start);
      authServer.awaitHealthy(START_TIMEOUT);
      for (ServiceProcess service : services) {
        service.awaitHealthy(START_TIMEOUT);
      }
      if (simulator != null) {
        simulator.start();
      }
      return this;
    } catch (RuntimeException | InterruptedException e) {
      close();
      throw e;
    }
  }

  public PlatformSettings settings() {
    return settings;
  }

  public EmbeddedKafka kafka() {
    return kafka;
  }

  public EmbeddedPostgres postgres() {
    return postgres;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + settings.postgresPort() + "/" + database;
  }

  /** The service process of that name, for tests that stop or kill one. */
  public ServiceProcess service(String name) {
    return services.stream()
        .filter(service -> service.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no service " + name));
  }

  /** SIGKILL of one service, as a crash would end it; {@link #restart} brings it back. */
  public void kill(String name) throws InterruptedException {
    service(name).kill();
  }

  /** Starts a stopped or killed service again and waits until it reports healthy. */
  public void restart(String name) throws InterruptedException {
    ServiceProcess service = service(name);
    if (service.isAlive()) {
      service.stop();
    }
    service.start();
    service.awaitHealthy(START_TIMEOUT);
  }

  @Override
  public void close() {
    if (simulator != null) {
      simulator.stop();
    }
    List<CompletableFuture<Void>> stopping = new ArrayList<>();
    for (ServiceProcess service : services) {
      stopping.add(CompletableFuture.runAsync(service::stop));
    }
    stopping.forEach(CompletableFuture::join);
    authServer.stop();
    kafka.stop();
    postgres.stop();
  }

  private ServiceProcess service(String name, int port, String heap, List<String> arguments) {
    List<String> args = new ArrayList<>(arguments);
    args.add("--server.port=" + port);
    List<String> options = jvmOptions(heap);
    if (HOT_PATH.contains(name)) {
      // every reading passes through these, so their per-reading work should run as optimized
      // code; the start-up time C1-only saves matters less for them than for the others
      options =
          new ArrayList<>(
              options.stream()
                  .filter(option -> !option.startsWith("-XX:TieredStopAtLevel"))
                  .toList());
      if (PER_READING_ALLOCATION.contains(name)) {
        // they allocate per reading: a young generation of a fixed size keeps minor collections
        // rare while the old generation still starts small. The initial heap must hold the whole
        // young generation: with -Xms32m the serial collector kept it at 32 MB whatever -Xmn
        // said, and young collections took 12-15 % of a core in each of these two at 10,000
        // readings/s (jstat, Session 7). The gateway, which allocates per request, keeps the
        // small heap: its collections cost 3 % and the platform's memory is near its target.
        options.removeIf(option -> option.startsWith("-Xms"));
        options.add("-Xms" + (YOUNG_GENERATION_MB + 32) + "m");
        options.add("-Xmn" + YOUNG_GENERATION_MB + "m");
      }
    }
    return new ServiceProcess(name, jar(name), options, args, port);
  }

  private List<String> withCommon(boolean database, String... specific) {
    List<String> args = new ArrayList<>();
    args.add("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers());
    args.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + settings.issuerUri());
    args.add(
        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri="
            + settings.issuerUri()
            + "/oauth2/jwks");
    if (database) {
      args.add("--spring.datasource.username=" + EmbeddedPostgres.USER);
      args.add("--spring.datasource.password=");
      // Hikari keeps its whole pool (10) open, and each idle backend of the one shared PostgreSQL
      // holds a few MiB; six cover policy-service's three raw-reading consumers plus queries
      args.add("--spring.datasource.hikari.maximum-pool-size=6");
    }
    args.addAll(List.of(specific));
    return args;
  }

  private static List<String> jvmOptions(String heap) {
    return List.of(
        "-Xmx" + heap,
        // the default initial heap is 1/64 of the machine's memory (384 MiB on 24 GiB) for every
        // service; starting small lets each grow to what it uses, which is far less for most
        "-Xms32m",
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-Xss512k",
        "-XX:MaxMetaspaceSize=192m",
        "-Dfile.encoding=UTF-8");
  }

  private Path jar(String module) {
    return settings.repositoryRoot().resolve(module).resolve("target").resolve(module + ".jar");
  }
}
