package org.civitas.load.e2e;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.civitas.contract.Topics;

/**
 * Where the latency probe's readings travel: its raw-topic partition, the consumer (one
 * policy-service thread) that owns it, and how many of the load's sensors that consumer serves. Raw
 * readings are keyed by sensorId and a consumer stores its partitions' readings one batch after the
 * other, so under a load that saturates the machine the probe measures the latency of its consumer,
 * which differs by an order of magnitude between one serving few and one serving many busy sensors
 * (docs/performance.md, Session 5).
 *
 * @param partition the probe's partition of the raw topic
 * @param partitions the raw topic's partitions
 * @param loadSensorsThere load sensors whose readings go to the probe's partition
 * @param consumerPartitions every partition of the consumer owning the probe's partition (empty
 *     when the consumer group could not be read)
 * @param loadSensorsOnConsumer load sensors whose readings go to one of {@code consumerPartitions}
 * @param loadSensors load sensors in all
 */
public record ProbePlacement(
    int partition,
    int partitions,
    int loadSensorsThere,
    List<Integer> consumerPartitions,
    int loadSensorsOnConsumer,
    int loadSensors) {

  public ProbePlacement {
    consumerPartitions = List.copyOf(consumerPartitions);
  }

  /** The partition Kafka's default partitioner gives a record keyed by this sensorId. */
  static int partitionOf(String sensorId, int partitions) {
    return Utils.toPositive(Utils.murmur2(sensorId.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /**
   * @param assignment partitions of the raw topic per consumer of the group; may be empty
   */
  static ProbePlacement of(
      String probeSensor,
      List<String> loadSensors,
      int partitions,
      Map<String, List<Integer>> assignment) {
    int partition = partitionOf(probeSensor, partitions);
    List<Integer> consumer =
        assignment.values().stream()
            .filter(owned -> owned.contains(partition))
            .findFirst()
            .map(owned -> owned.stream().sorted().toList())
            .orElse(List.of());
    return new ProbePlacement(
        partition,
        partitions,
        count(loadSensors, partitions, List.of(partition)),
        consumer,
        count(loadSensors, partitions, consumer),
        loadSensors.size());
  }

  private static int count(List<String> sensors, int partitions, List<Integer> among) {
    return (int)
        sensors.stream().filter(sensor -> among.contains(partitionOf(sensor, partitions))).count();
  }

  /** The raw topic's partition count and the group's assignment, as the broker tells them. */
  record Topology(int partitions, Map<String, List<Integer>> assignment) {}

  /**
   * The partition a probe should go to for the worst case the load makes: on the consumer serving
   * the most load sensors, its partition with the most of them (ties to the lower partition). Under
   * a saturating load that consumer falls behind first, so a probe there measures the latency of
   * the readings that wait longest rather than of a quiet partition's.
   */
  static int busiestPartition(List<String> loadSensors, Topology topology) {
    int partitions = topology.partitions();
    int[] perPartition = new int[partitions];
    loadSensors.forEach(sensor -> perPartition[partitionOf(sensor, partitions)]++);
    int best = 0;
    int bestOnConsumer = -1;
    for (int partition = 0; partition < partitions; partition++) {
      int candidate = partition;
      int onConsumer =
          topology.assignment().values().stream()
              .filter(owned -> owned.contains(candidate))
              .findFirst()
              .map(owned -> owned.stream().mapToInt(p -> perPartition[p]).sum())
              .orElse(perPartition[partition]);
      if (onConsumer > bestOnConsumer
          || onConsumer == bestOnConsumer && perPartition[partition] > perPartition[best]) {
        best = partition;
        bestOnConsumer = onConsumer;
      }
    }
    return best;
  }

  /**
   * A sensorId of the form {@code prefix + 8 hex digits} that Kafka puts on this partition; any
   * partition when {@code partition} is negative.
   */
  static String sensorIdOn(int partition, int partitions, String prefix, RandomGenerator random) {
    while (true) {
      String sensorId = prefix + HexFormat.of().toHexDigits(random.nextInt());
      if (partition < 0 || partitionOf(sensorId, partitions) == partition) {
        return sensorId;
      }
    }
  }

  /**
   * The placement read from the broker: the raw topic's partition count and the group's current
   * assignment; empty when the broker cannot tell within a few seconds.
   */
  static Optional<ProbePlacement> read(
      String bootstrap, String group, String probeSensor, List<String> loadSensors) {
    return topology(bootstrap, group)
        .map(t -> of(probeSensor, loadSensors, t.partitions(), t.assignment()));
  }

  /** The raw topic's partitions and the group's assignment; empty when the broker cannot tell. */
  static Optional<Topology> topology(String bootstrap, String group) {
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            AdminClientConfig.CLIENT_ID_CONFIG,
            "civitas-load-e2e-admin",
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            10_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            10_000);
    try (Admin admin = Admin.create(config)) {
      int partitions =
          admin
              .describeTopics(Set.of(Topics.READINGS_RAW))
              .allTopicNames()
              .get(10, TimeUnit.SECONDS)
              .get(Topics.READINGS_RAW)
              .partitions()
              .size();
      ConsumerGroupDescription description =
          admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
      Map<String, List<Integer>> assignment = new HashMap<>();
      for (MemberDescription member : description.members()) {
        assignment.put(
            member.consumerId(),
            member.assignment().topicPartitions().stream()
                .filter(p -> p.topic().equals(Topics.READINGS_RAW))
                .map(TopicPartition::partition)
                .toList());
      }
      return Optional.of(new Topology(partitions, assignment));
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
