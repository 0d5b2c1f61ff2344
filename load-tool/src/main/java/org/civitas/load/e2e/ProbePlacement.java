package org.civitas.load.e2e;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.utils.Utils;
import org.civitas.contract.Topics;

/**
 * Where the latency probe's readings travel: its raw-topic partition, and how many of the load's
 * sensors share it. Raw readings are keyed by sensorId and one policy-service consumer thread
 * stores a partition's readings, so under a load that saturates the machine the probe measures the
 * latency of its partition, which differs by an order of magnitude between a partition of few and
 * of many busy sensors (docs/performance.md, Session 5).
 *
 * @param partition the probe's partition of the raw topic
 * @param partitions the raw topic's partitions
 * @param loadSensorsThere load sensors whose readings go to the same partition
 * @param loadSensors load sensors in all
 */
public record ProbePlacement(int partition, int partitions, int loadSensorsThere, int loadSensors) {

  /** The partition Kafka's default partitioner gives a record keyed by this sensorId. */
  static int partitionOf(String sensorId, int partitions) {
    return Utils.toPositive(Utils.murmur2(sensorId.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  static ProbePlacement of(String probeSensor, List<String> loadSensors, int partitions) {
    int partition = partitionOf(probeSensor, partitions);
    int there =
        (int)
            loadSensors.stream()
                .filter(sensor -> partitionOf(sensor, partitions) == partition)
                .count();
    return new ProbePlacement(partition, partitions, there, loadSensors.size());
  }

  /** The raw topic's partition count, or empty when the broker cannot tell within a few seconds. */
  static Optional<Integer> rawTopicPartitions(String bootstrap) {
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
      return Optional.of(
          admin
              .describeTopics(Set.of(Topics.READINGS_RAW))
              .allTopicNames()
              .get(10, TimeUnit.SECONDS)
              .get(Topics.READINGS_RAW)
              .partitions()
              .size());
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
