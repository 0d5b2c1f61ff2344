package org.civitas.ingest.reading;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.civitas.ingest.registry.Sensors;

/**
 * Ingesting one request: assess the body, drop repeated readingIds, write the rest to the raw topic
 * and wait for every acknowledgement before reporting anything as accepted.
 */
public final class ReadingIngestion {

  static final String REJECTIONS_METER = "civitas.ingest.rejections";

  private final Sensors sensors;
  private final ReadingIntake intake;
  private final RecentReadingIds recentIds;
  private final RawReadings rawReadings;
  private final Counter acceptedCount;
  private final Counter duplicateCount;
  private final Counter rejectedCount;
  private final MeterRegistry meters;

  ReadingIngestion(
      Sensors sensors,
      ReadingIntake intake,
      RecentReadingIds recentIds,
      RawReadings rawReadings,
      MeterRegistry meters) {
    this.sensors = sensors;
    this.intake = intake;
    this.recentIds = recentIds;
    this.rawReadings = rawReadings;
    this.acceptedCount = meters.counter("civitas.ingest.readings", "outcome", "accepted");
    this.duplicateCount = meters.counter("civitas.ingest.readings", "outcome", "duplicate");
    this.rejectedCount = meters.counter("civitas.ingest.readings", "outcome", "rejected");
    this.meters = meters;
  }

  /**
   * @throws RegistryNotReadyException before the registry is loaded
   * @throws UnreadableBodyException when the body is not parseable
   * @throws TooManyReadingsException when the body holds too many readings
   * @throws RawReadingsUnavailableException when Kafka does not acknowledge every reading
   */
  public IngestReport ingest(byte[] body, BodyFormat format, String vendorId) {
    if (!sensors.isCaughtUp()) {
      throw new RegistryNotReadyException();
    }
    Assessment assessment = intake.assess(body, format, vendorId);
    List<ValidReading> fresh = new ArrayList<>(assessment.valid().size());
    Set<UUID> inRequest = new HashSet<>();
    int duplicates = 0;
    for (ValidReading reading : assessment.valid()) {
      if (!inRequest.add(reading.readingId()) || recentIds.contains(reading.readingId())) {
        duplicates++;
      } else {
        fresh.add(reading);
      }
    }
    rawReadings.publishAll(fresh);
    for (ValidReading reading : fresh) {
      recentIds.remember(reading.readingId());
    }
    acceptedCount.increment(fresh.size());
    duplicateCount.increment(duplicates);
    rejectedCount.increment(assessment.rejected().size());
    countRejectionCodes(assessment.rejected());
    return new IngestReport(fresh.size(), duplicates, assessment.rejected());
  }

  /**
   * Per error code, once per rejected reading: codes are the fixed vocabulary of CONTRACT §4.1, so
   * the label set stays bounded and never holds a submitted value.
   */
  private void countRejectionCodes(List<Rejection> rejected) {
    for (Rejection rejection : rejected) {
      Set<String> codes = new HashSet<>();
      rejection.errors().forEach(error -> codes.add(error.code()));
      codes.forEach(code -> meters.counter(REJECTIONS_METER, "code", code).increment());
    }
  }
}
