package org.civitas.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.civitas.infra.EmbeddedKafka;
import org.civitas.infra.EmbeddedPostgres;

/** KRaft broker and zonky PostgreSQL in this JVM, in a temporary directory, on free ports. */
final class EmbeddedInfrastructure implements Infrastructure {

  private final EmbeddedKafka kafka;
  private final EmbeddedPostgres postgres;
  private final Map<String, String> databases = new ConcurrentHashMap<>();

  EmbeddedInfrastructure() {
    Path root;
    try {
      // under the module's build output, not /tmp: every test JVM leaves its Kafka log and
      // PostgreSQL cluster behind (tens of MB each), and `mvn clean` or a fresh clone removes them
      root = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "test-infra");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    kafka =
        new EmbeddedKafka(
            root.resolve("kafka"), 0, Map.of("log.retention.check.interval.ms", "5000"));
    postgres = new EmbeddedPostgres(root.resolve("postgres"), 0);
    Thread kafkaStart = new Thread(kafka::start, "kafka-start");
    kafkaStart.start();
    postgres.start();
    try {
      kafkaStart.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!kafka.isRunning()) {
      throw new IllegalStateException("embedded Kafka did not start");
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  kafka.stop();
                  postgres.stop();
                },
                "civitas-test-infra-stop"));
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  public String jdbcUrl(String database) {
    return databases.computeIfAbsent(
        database,
        name -> {
          postgres.createDatabases(List.of(name));
          return postgres.jdbcUrl(name);
        });
  }

  @Override
  public String username() {
    return EmbeddedPostgres.USER;
  }

  @Override
  public String password() {
    return "";
  }

  @Override
  public void stopKafka() {
    kafka.stop();
  }

  @Override
  public void startKafka() {
    kafka.start();
  }
}
