package org.civitas.policy.retention;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.civitas.contract.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps raw readings on Kafka only as long as configured ({@code
 * civitas.retention.raw-topic-retention}, CONTRACT §5): at start-up the raw topic's {@code
 * retention.ms} is set, or the topic is created with it. ingest-service creates the topic the same
 * way when it starts first; whichever runs, the topic ends up with the configured retention. Best
 * effort: a broker that is down now is handled at the next start.
 */
@Component
class RawTopicRetention implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(RawTopicRetention.class);

  private final Map<String, Object> adminConfig;
  private final Duration retention;
  private final long timeoutMs;

  RawTopicRetention(
      @Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers,
      @Value("${civitas.kafka.send-timeout:PT10S}") Duration timeout,
      RetentionSettings settings) {
    this.retention = settings.rawTopicRetention();
    this.timeoutMs = timeout.toMillis();
    this.adminConfig =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            (int) timeoutMs,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            (int) timeoutMs,
            AdminClientConfig.CLIENT_ID_CONFIG,
            "civitas-policy-retention");
  }

  @Override
  public void afterSingletonsInstantiated() {
    apply();
  }

  void apply() {
    String retentionMs = String.valueOf(retention.toMillis());
    try (Admin admin = Admin.create(adminConfig)) {
      Set<String> topics = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
      if (!topics.contains(Topics.READINGS_RAW)) {
        try {
          admin
              .createTopics(
                  List.of(
                      new NewTopic(Topics.READINGS_RAW, Optional.empty(), Optional.empty())
                          .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, retentionMs))))
              .all()
              .get(timeoutMs, TimeUnit.MILLISECONDS);
          log.info("created {} with retention {}", Topics.READINGS_RAW, retention);
          return;
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      admin
          .incrementalAlterConfigs(
              Map.of(
                  new ConfigResource(ConfigResource.Type.TOPIC, Topics.READINGS_RAW),
                  List.of(
                      new AlterConfigOp(
                          new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, retentionMs),
                          AlterConfigOp.OpType.SET))))
          .all()
          .get(timeoutMs, TimeUnit.MILLISECONDS);
      log.info("retention of {} set to {}", Topics.READINGS_RAW, retention);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn(
          "could not set the retention of {} ({}); continuing",
          Topics.READINGS_RAW,
          e.getClass().getName());
    }
  }
}
