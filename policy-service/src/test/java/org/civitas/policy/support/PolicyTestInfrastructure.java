package org.civitas.policy.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civitas.testsupport.TestInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What every policy-service test context shares, whichever configuration it has: the real
 * infrastructure with the keys database, and reading topics from the beginning with a plain
 * consumer.
 */
public final class PolicyTestInfrastructure {

  /** Real Kafka, the governed database {@code policy}, the keys database and the token issuer. */
  public static void registerAll(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerAll(registry, "policy");
    registry.add(
        "civitas.keys.datasource.url", () -> TestInfrastructure.shared().jdbcUrl("policy_keys"));
    registry.add("civitas.keys.datasource.username", () -> TestInfrastructure.shared().username());
    registry.add("civitas.keys.datasource.password", () -> TestInfrastructure.shared().password());
  }

  /** Every record of the topic, from the beginning up to its current end. */
  public static List<ConsumerRecord<String, String>> readTopic(String topic) {
    Map<String, Object> config = new HashMap<>();
    config.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        TestInfrastructure.shared().kafkaBootstrapServers());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
      if (infos == null || infos.isEmpty()) {
        return List.of();
      }
      List<TopicPartition> partitions =
          infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + " to its end");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  /** Waits until the topic holds a record matching the predicate; returns the latest match. */
  public static ConsumerRecord<String, String> awaitRecord(
      String topic, Predicate<ConsumerRecord<String, String>> matching, Duration atMost) {
    return await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(300))
        .until(() -> latest(readTopic(topic), matching), Optional::isPresent)
        .orElseThrow();
  }

  private static Optional<ConsumerRecord<String, String>> latest(
      List<ConsumerRecord<String, String>> records,
      Predicate<ConsumerRecord<String, String>> matching) {
    ConsumerRecord<String, String> found = null;
    for (ConsumerRecord<String, String> record : records) {
      if (matching.test(record)) {
        found = record;
      }
    }
    return Optional.ofNullable(found);
  }

  private PolicyTestInfrastructure() {}
}
