package org.civitas.kit.ops;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Kafka is up when the cluster answers {@code describeCluster} within a short timeout. A health
 * probe must answer quickly even while Kafka is away, so the admin client never waits long.
 */
class KafkaClusterHealth extends AbstractHealthIndicator implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final String bootstrapServers;
  private final Duration timeout;
  private volatile Admin admin;

  KafkaClusterHealth(String bootstrapServers, Duration timeout) {
    super("Kafka health check failed");
    this.bootstrapServers = bootstrapServers;
    this.timeout = timeout;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    DescribeClusterResult cluster =
        admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
    int nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
    builder.up().withDetail("nodes", nodes);
  }

  private Admin admin() {
    Admin current = admin;
    if (current == null) {
      synchronized (this) {
        current = admin;
        if (current == null) {
          int millis = (int) timeout.toMillis();
          current =
              Admin.create(
                  Map.of(
                      AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                      bootstrapServers,
                      AdminClientConfig.CLIENT_ID_CONFIG,
                      "health-check",
                      AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                      millis,
                      AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                      millis,
                      AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                      1000));
          admin = current;
        }
      }
    }
    return current;
  }

  @Override
  public void close() {
    Admin current = admin;
    if (current != null) {
      current.close(Duration.ofSeconds(1));
    }
  }
}
