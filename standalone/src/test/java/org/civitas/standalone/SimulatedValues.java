package org.civitas.standalone;

import java.time.Duration;
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
import tools.jackson.databind.JsonNode;

/**
 * What the simulator sent in clear on the raw topic, for the tests that look for it where it must
 * never appear (databases, logs, public pages).
 */
final class SimulatedValues {

  /** The attributes whose values identify a person or a vehicle. */
  static final List<String> IDENTIFYING_ATTRIBUTES =
      List.of("plate", "deviceMac", "cardId", "householdId");

  /**
   * The distinct string values of the named attributes in the raw readings sent so far: read from
   * the beginning of the topic for at most ten seconds, or until {@code enough} are found.
   */
  static Set<String> sentInClear(Platform platform, List<String> attributes, int enough) {
    Set<String> values = new HashSet<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "e2e-clear-scan-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(Topics.READINGS_RAW));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline && values.size() < enough) {
        consumer
            .poll(Duration.ofMillis(500))
            .forEach(
                record -> {
                  JsonNode sent = ContractJson.mapper().readTree(record.value()).path("attributes");
                  for (String name : attributes) {
                    if (sent.path(name).isString()) {
                      values.add(sent.path(name).asString());
                    }
                  }
                });
      }
    }
    return values;
  }

  private SimulatedValues() {}
}
