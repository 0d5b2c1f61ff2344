package org.civitas.policy.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class RawReadingsConsumerUnitTest {

  private static RawReadingsConsumer consumer(IngestionSettings settings) {
    return new RawReadingsConsumer(null, null, settings, "localhost:9092", null);
  }

  private static IngestionSettings settings(
      Integer maxPollRecords, Integer fetchMinBytes, Duration fetchMaxWait) {
    return new IngestionSettings(
        null,
        null,
        null,
        maxPollRecords,
        fetchMinBytes,
        fetchMaxWait,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void byDefaultTheBrokerGathersBatchesOf128KiBOrWhatCameIn100Ms() {
    // measured at 10,000 readings/s on 2 cores: batches of whatever had arrived (~100 readings)
    // cost PostgreSQL twice the CPU and left the busiest consumer 30 s behind (Session 6)
    assertThat(consumer(settings(null, null, null)).consumerConfig())
        .containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 131_072)
        .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100)
        .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000)
        .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
        .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
  }

  @Test
  void batchingIsConfigurable() {
    assertThat(consumer(settings(500, 1, Duration.ofMillis(500))).consumerConfig())
        .containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1)
        .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500)
        .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
  }

  @Test
  void batchSettingsOutsideWhatKafkaTakesAreRefusedAtStartUp() {
    assertThatThrownBy(() -> settings(0, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max-poll-records");
    assertThatThrownBy(() -> settings(null, 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fetch-min-bytes");
    assertThatThrownBy(() -> settings(null, null, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fetch-max-wait");
    assertThatThrownBy(() -> settings(null, null, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fetch-max-wait");
  }
}
