package org.civitas.ingest.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.civitas.contract.ContractJson;
import org.civitas.contract.FieldViolation;
import org.civitas.contract.reading.Reading;
import org.civitas.contract.reading.ReadingIds;
import org.civitas.ingest.registry.RegisteredSensor;
import org.civitas.ingest.registry.Sensors;

/**
 * The parsing and validation function, called directly with hostile bodies: it answers every body
 * with an assessment, or with one of the two whole-request refusals (400, 413), and never with any
 * other exception. What it accepts is a well-formed contract reading; what it rejects is named by
 * field and code only.
 */
class HostileBodyProperties {

  private static final Set<String> CODES =
      Set.of(
          "required",
          "invalid_type",
          "invalid_uuid",
          "malformed_json",
          "reading_too_large",
          "sensor_unknown",
          "sensor_inactive",
          "sensor_not_owned",
          "invalid_timestamp",
          "timestamp_future",
          "timestamp_stale",
          "category_not_registered",
          "location_invalid",
          "attributes_invalid");

  private final Sensors registry = ReadingFixtures.registry();
  private final ReadingIntake intake = ReadingFixtures.intake();
  private final HostileBodies bodies = ReadingFixtures.hostileBodies();

  @Property(tries = 6000)
  void jsonBodiesAreAssessedOrRefusedAsAWhole(
      @ForAll("jsonBodies") byte[] body, @ForAll("vendors") String vendor) {
    assessed(body, BodyFormat.JSON, vendor);
  }

  @Property(tries = 4000)
  void ndjsonBodiesAreAssessedLineByLine(
      @ForAll("ndjsonBodies") byte[] body, @ForAll("vendors") String vendor) {
    assessed(body, BodyFormat.NDJSON, vendor);
  }

  @Provide
  Arbitrary<byte[]> jsonBodies() {
    return bodies.json();
  }

  @Provide
  Arbitrary<byte[]> ndjsonBodies() {
    return bodies.ndjson();
  }

  @Provide
  Arbitrary<String> vendors() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.just("acme")),
        net.jqwik.api.Tuple.of(1, Arbitraries.just("globex")),
        net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(10)));
  }

  private void assessed(byte[] body, BodyFormat format, String vendor) {
    Assessment assessment;
    try {
      assessment = intake.assess(body, format, vendor);
    } catch (UnreadableBodyException e) {
      assertThat(format).isEqualTo(BodyFormat.JSON);
      assertThat(e.getMessage()).matches("(The body|\"readings\").*");
      return;
    } catch (TooManyReadingsException e) {
      return;
    }
    Set<Integer> indexes = new HashSet<>();
    for (ValidReading valid : assessment.valid()) {
      assertThat(indexes.add(valid.index())).isTrue();
      Reading reading = ContractJson.mapper().readValue(valid.json(), Reading.class);
      assertThat(reading.readingId()).isEqualTo(valid.readingId().toString());
      assertThat(reading.sensorId()).isEqualTo(valid.sensorId());
      assertThat(ReadingValidator.parseInstant(reading.observedAt())).isNotNull();
      assertThat(reading.attributes()).hasSizeLessThanOrEqualTo(64);
      RegisteredSensor sensor = registry.find(reading.sensorId()).orElseThrow();
      assertThat(sensor.isOwnedBy(vendor)).isTrue();
      assertThat(sensor.active()).isTrue();
      assertThat(sensor.collects(reading.category())).isTrue();
      if (reading.location() != null) {
        assertThat(reading.location().lat()).isBetween(-90.0, 90.0);
        assertThat(reading.location().lon()).isBetween(-180.0, 180.0);
      }
    }
    for (Rejection rejection : assessment.rejected()) {
      assertThat(indexes.add(rejection.index())).isTrue();
      assertThat(rejection.errors()).isNotEmpty();
      for (FieldViolation error : rejection.errors()) {
        assertThat(CODES).contains(error.code());
        assertThat(error.field())
            .isIn(
                "reading",
                "readingId",
                "sensorId",
                "observedAt",
                "category",
                "location",
                "attributes");
      }
      if (rejection.readingId() != null) {
        assertThat(ReadingIds.parse(rejection.readingId())).isNotNull();
      }
    }
    assertThat(indexes).allMatch(i -> i >= 0 && i < assessment.total());
  }
}
