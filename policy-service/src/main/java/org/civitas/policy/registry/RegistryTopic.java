package org.civitas.policy.registry;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.civitas.contract.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Makes sure {@link Topics#REGISTRY_SENSORS} exists and is compacted. A topic auto-created by a
 * consumer would use time-based deletion and silently lose old registrations, so an existing topic
 * without compaction is switched to it.
 */
@Component
class RegistryTopic {

  private static final Logger log = LoggerFactory.getLogger(RegistryTopic.class);

  private final Map<String, Object> adminConfig;
  private final int partitions;
  private final Duration timeout;

  RegistryTopic(KafkaAdmin kafkaAdmin, RegistrySettings settings) {
    this.timeout = settings.publishTimeout();
    this.partitions = settings.topicPartitions();
    Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
    int timeoutMs = (int) timeout.toMillis();
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "civitas-registry-admin");
    this.adminConfig = Map.copyOf(config);
  }

  /**
   * Creates the topic if missing, or turns compaction on if it is off.
   *
   * @throws IllegalStateException when Kafka cannot be reached or refuses
   */
  void ensureCompacted() {
    try (Admin admin = Admin.create(adminConfig)) {
      if (!exists(admin)) {
        try {
          NewTopic topic =
              new NewTopic(Topics.REGISTRY_SENSORS, Optional.of(partitions), Optional.empty())
                  .configs(
                      Map.of(
                          TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
          await(admin.createTopics(List.of(topic)).all());
          log.info("created compacted topic {}", Topics.REGISTRY_SENSORS);
          return;
        } catch (IllegalStateException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      compactIfNeeded(admin);
    }
  }

  private boolean exists(Admin admin) {
    Collection<String> names = await(admin.listTopics().names());
    return names.contains(Topics.REGISTRY_SENSORS);
  }

  private void compactIfNeeded(Admin admin) {
    ConfigResource resource =
        new ConfigResource(ConfigResource.Type.TOPIC, Topics.REGISTRY_SENSORS);
    Config config = await(admin.describeConfigs(List.of(resource)).all()).get(resource);
    ConfigEntry policy = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
    if (policy != null
        && policy.value() != null
        && policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
      return;
    }
    log.warn(
        "topic {} was not compacted; switching it to cleanup.policy=compact",
        Topics.REGISTRY_SENSORS);
    AlterConfigOp compact =
        new AlterConfigOp(
            new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
            AlterConfigOp.OpType.SET);
    await(admin.incrementalAlterConfigs(Map.of(resource, List.of(compact))).all());
  }

  private <T> T await(KafkaFuture<T> future) {
    try {
      return future.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while talking to Kafka", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka refused a topic operation", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not answer a topic operation in time", e);
    }
  }
}
