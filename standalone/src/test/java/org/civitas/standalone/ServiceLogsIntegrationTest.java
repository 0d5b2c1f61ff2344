package org.civitas.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civitas.contract.ContractJson;
import org.civitas.contract.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Personal data never reaches a log: every line every service printed while the platform ran is
 * scanned for the clear identifiers the simulator sent.
 */
class ServiceLogsIntegrationTest {

  private static final List<String> IDENTIFYING_ATTRIBUTES =
      List.of("plate", "deviceMac", "cardId", "householdId");

  @Test
  void noClearIdentifierAppearsInAnyServiceLog() throws IOException {
    Platform platform = RunningPlatform.shared();
    Set<String> identifiers =
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofSeconds(2))
            .until(() -> simulatedIdentifiers(platform), found -> found.size() >= 20);

    Path logs = RunningPlatform.logDirectory();
    List<Path> files;
    try (var listing = Files.list(logs)) {
      files = listing.filter(file -> file.toString().endsWith(".log")).toList();
    }
    assertThat(files).as("captured service logs").isNotEmpty();
    List<String> hits = new ArrayList<>();
    long lines = 0;
    for (Path file : files) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        lines++;
        for (String identifier : identifiers) {
          if (line.contains(identifier)) {
            // name the file and the identifier's kind only: the report must not leak it either
            hits.add(file.getFileName() + " holds a clear identifier");
          }
        }
      }
    }
    assertThat(lines).as("lines captured").isPositive();
    assertThat(hits).isEmpty();
  }

  private static Set<String> simulatedIdentifiers(Platform platform) {
    Set<String> identifiers = new HashSet<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "e2e-log-scan-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(Topics.READINGS_RAW));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline && identifiers.size() < 500) {
        consumer
            .poll(Duration.ofMillis(500))
            .forEach(
                record -> {
                  JsonNode attributes =
                      ContractJson.mapper().readTree(record.value()).path("attributes");
                  for (String name : IDENTIFYING_ATTRIBUTES) {
                    JsonNode value = attributes.path(name);
                    // short values would match by accident (a lane number, a count)
                    if (value.isString() && value.asString().length() >= 6) {
                      identifiers.add(value.asString());
                    }
                  }
                });
      }
    }
    return identifiers;
  }
}
