package org.civitas.policy.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.civitas.contract.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics this service writes (governed, quarantine, policy versions) when missing, and
 * keeps the policy topic compacted: auto-created it would delete old records by time and forget the
 * active policy.
 */
class OwnedTopics {

  private static final Logger log = LoggerFactory.getLogger(OwnedTopics.class);

  private final Map<String, Object> adminConfig;
  private final MessagingSettings settings;

  OwnedTopics(String bootstrapServers, MessagingSettings settings) {
    this.settings = settings;
    int timeoutMs = (int) settings.sendTimeout().toMillis();
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "civitas-policy-admin");
    this.adminConfig = Map.copyOf(config);
  }

  /** Best effort: a broker that is down now is retried by producers and by the next start. */
  void ensure() {
    try (Admin admin = Admin.create(adminConfig)) {
      Set<String> existing = admin.listTopics().names().get(timeout(), TimeUnit.MILLISECONDS);
      Map<String, String> compacted =
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
      List<NewTopic> missing =
          List.of(
                  new NewTopic(
                      Topics.READINGS_GOVERNED,
                      Optional.of(settings.topicPartitions()),
                      Optional.of(settings.replicationFactor())),
                  new NewTopic(
                      Topics.READINGS_QUARANTINE,
                      Optional.of(settings.topicPartitions()),
                      Optional.of(settings.replicationFactor())),
                  new NewTopic(
                          Topics.POLICY_VERSIONS,
                          Optional.of(1),
                          Optional.of(settings.replicationFactor()))
                      .configs(compacted))
              .stream()
              .filter(topic -> !existing.contains(topic.name()))
              .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(timeout(), TimeUnit.MILLISECONDS);
      }
      ConfigResource policyTopic =
          new ConfigResource(ConfigResource.Type.TOPIC, Topics.POLICY_VERSIONS);
      Config config =
          admin
              .describeConfigs(List.of(policyTopic))
              .all()
              .get(timeout(), TimeUnit.MILLISECONDS)
              .get(policyTopic);
      ConfigEntry cleanup = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
      if (cleanup == null || !String.valueOf(cleanup.value()).contains("compact")) {
        admin
            .incrementalAlterConfigs(
                Map.of(
                    policyTopic,
                    List.of(
                        new AlterConfigOp(
                            new ConfigEntry(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT),
                            AlterConfigOp.OpType.SET))))
            .all()
            .get(timeout(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("could not check the service's topics ({}); continuing", e.getClass().getName());
    }
  }

  private long timeout() {
    return Duration.ofMillis(settings.sendTimeout().toMillis()).multipliedBy(2).toMillis();
  }
}
