package org.civitas.policy.governance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the raw-readings consumer.
 *
 * @param enabled whether this instance consumes the raw topic
 * @param groupId consumer group; instances sharing it share the partitions
 * @param consumers consumer threads of this instance, each a member of the group with a share of
 *     the partitions (more than the raw topic's partitions over all instances would idle)
 * @param maxPollRecords most readings handled in one batch (one database transaction); a consumer
 *     that fell behind catches up in batches this large
 * @param fetchMinBytes bytes the broker gathers for a consumer's fetch before it answers, unless
 *     {@code fetchMaxWait} passes first. Under a steady load this sets the batch size: a
 *     transaction costs PostgreSQL ~3.5 ms of CPU beyond its rows, and batches of the few dozen
 *     readings that arrive between two polls made that most of its CPU (docs/performance.md,
 *     Session 6)
 * @param fetchMaxWait longest the broker holds a fetch to gather {@code fetchMinBytes}: the latency
 *     a reading may gain while a quiet partition's batch fills
 * @param pollTimeout longest wait for new readings per poll
 * @param retryBackoff first wait after a failed batch; doubles up to {@code maxRetryBackoff}
 * @param maxReadingAge readings observed longer ago are refused ({@code timestamp_stale}); it
 *     bounds how long readingIds must be remembered to store every reading at most once. Keep it
 *     above the ingest endpoint's 7 days plus the raw topic's retention.
 * @param maxFutureSkew readings observed further in the future are refused ({@code
 *     timestamp_future})
 */
@ConfigurationProperties("civitas.ingestion")
record IngestionSettings(
    Boolean enabled,
    String groupId,
    Integer consumers,
    Integer maxPollRecords,
    Integer fetchMinBytes,
    Duration fetchMaxWait,
    Duration pollTimeout,
    Duration retryBackoff,
    Duration maxRetryBackoff,
    Duration maxReadingAge,
    Duration maxFutureSkew) {

  /** Margin for clocks of several instances that do not agree to the second. */
  private static final Duration CLOCK_MARGIN = Duration.ofHours(1);

  IngestionSettings {
    enabled = enabled == null || enabled;
    groupId = groupId == null ? "policy-service" : groupId;
    consumers = consumers == null ? 3 : consumers;
    if (consumers < 1) {
      throw new IllegalArgumentException("civitas.ingestion.consumers must be at least 1");
    }
    maxPollRecords = maxPollRecords == null ? 2000 : maxPollRecords;
    if (maxPollRecords < 1) {
      throw new IllegalArgumentException("civitas.ingestion.max-poll-records must be at least 1");
    }
    fetchMinBytes = fetchMinBytes == null ? 128 * 1024 : fetchMinBytes;
    if (fetchMinBytes < 1) {
      throw new IllegalArgumentException("civitas.ingestion.fetch-min-bytes must be at least 1");
    }
    fetchMaxWait = fetchMaxWait == null ? Duration.ofMillis(100) : fetchMaxWait;
    // the broker must answer a held fetch well within the client's request timeout (30 s)
    if (fetchMaxWait.isNegative() || fetchMaxWait.compareTo(Duration.ofSeconds(10)) > 0) {
      throw new IllegalArgumentException(
          "civitas.ingestion.fetch-max-wait must be between 0 and 10 seconds");
    }
    pollTimeout = pollTimeout == null ? Duration.ofSeconds(1) : pollTimeout;
    retryBackoff = retryBackoff == null ? Duration.ofSeconds(1) : retryBackoff;
    maxRetryBackoff = maxRetryBackoff == null ? Duration.ofSeconds(30) : maxRetryBackoff;
    maxReadingAge = maxReadingAge == null ? Duration.ofDays(8) : maxReadingAge;
    maxFutureSkew = maxFutureSkew == null ? Duration.ofMinutes(10) : maxFutureSkew;
  }

  /**
   * How long a stored readingId is remembered: a delivery accepted later than this after the first
   * would have to be observed more than {@code maxFutureSkew} after its first delivery was stored
   * and less than {@code maxReadingAge} before, which is impossible.
   */
  Duration idempotencyWindow() {
    return maxReadingAge.plus(maxFutureSkew).plus(CLOCK_MARGIN);
  }
}
