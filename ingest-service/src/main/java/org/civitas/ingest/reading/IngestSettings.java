package org.civitas.ingest.reading;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the ingest endpoint; the defaults are those of CONTRACT §4.
 *
 * @param maxBodySize largest request body (413 above)
 * @param maxReadings most readings in one request (413 above)
 * @param maxReadingSize largest single reading ({@code reading_too_large} above)
 * @param futureTolerance how far ahead of this service's clock {@code observedAt} may be
 * @param maxAge how old a reading may be when it arrives
 * @param duplicates the recent-id memory used to report re-sent readings
 */
@ConfigurationProperties("civitas.ingest")
public record IngestSettings(
    @DefaultValue("8MB") DataSize maxBodySize,
    @DefaultValue("5000") int maxReadings,
    @DefaultValue("16KB") DataSize maxReadingSize,
    @DefaultValue("PT5M") Duration futureTolerance,
    @DefaultValue("P7D") Duration maxAge,
    @DefaultValue Duplicates duplicates) {

  /** The contract's limits, for code and tests that run without Spring. */
  public static IngestSettings defaults() {
    return new IngestSettings(
        DataSize.ofMegabytes(8),
        5000,
        DataSize.ofKilobytes(16),
        Duration.ofMinutes(5),
        Duration.ofDays(7),
        new Duplicates(1_000_000, Duration.ofHours(1)));
  }

  /**
   * @param capacity about how many recently accepted readingIds are remembered
   * @param window about how long a readingId is remembered
   */
  public record Duplicates(
      @DefaultValue("1000000") int capacity, @DefaultValue("PT1H") Duration window) {}
}
