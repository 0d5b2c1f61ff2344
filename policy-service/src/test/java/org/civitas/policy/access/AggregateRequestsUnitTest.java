package org.civitas.policy.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.civitas.policy.governance.GovernedReadings.Grouping;
import org.junit.jupiter.api.Test;

class AggregateRequestsUnitTest {

  final AggregateRequests requests = new AggregateRequests();

  AggregateRequests.Parsed parse(String bucket, String groupBy, String purpose) {
    return requests.parse(
        "licence_plate",
        "2026-11-26T00:00:00Z",
        "2026-11-27T00:00:00Z",
        bucket,
        groupBy,
        purpose,
        null);
  }

  static AggregateRequest valid(AggregateRequests.Parsed parsed) {
    assertThat(parsed).isInstanceOf(AggregateRequests.Parsed.Valid.class);
    return ((AggregateRequests.Parsed.Valid) parsed).request();
  }

  static java.util.List<String> fields(AggregateRequests.Parsed parsed) {
    assertThat(parsed).isInstanceOf(AggregateRequests.Parsed.Invalid.class);
    return ((AggregateRequests.Parsed.Invalid) parsed)
        .errors().stream().map(org.civitas.contract.FieldViolation::field).toList();
  }

  @Test
  void bucketsAreIsoDurationsAndDefaultToAnHour() {
    assertThat(valid(parse("PT15M", null, "research")).bucket()).isEqualTo(Duration.ofMinutes(15));
    assertThat(valid(parse("P1D", null, "research")).bucket()).isEqualTo(Duration.ofDays(1));
    assertThat(valid(parse(null, null, "research")).bucket()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void bucketsOutsideAMinuteToAYearOrNotDurationsAreRefused() {
    assertThat(fields(parse("PT30S", null, "research"))).containsExactly("bucket");
    assertThat(fields(parse("P400D", null, "research"))).containsExactly("bucket");
    assertThat(fields(parse("1h", null, "research"))).containsExactly("bucket");
    assertThat(fields(parse("PT90.5S", null, "research"))).containsExactly("bucket");
  }

  @Test
  void groupingIsBySensorOrGeohashOrNothing() {
    assertThat(valid(parse("PT1H", "sensorId", "research")).groupBy())
        .isEqualTo(Grouping.SENSOR_ID);
    assertThat(valid(parse("PT1H", "geohash", "research")).groupBy()).isEqualTo(Grouping.GEOHASH);
    assertThat(valid(parse("PT1H", "", "research")).groupBy()).isEqualTo(Grouping.NONE);
    assertThat(fields(parse("PT1H", "plate", "research"))).containsExactly("groupBy");
  }

  @Test
  void everyWrongFieldIsReportedAtOnce() {
    assertThat(fields(parse("nope", "vendor", null)))
        .containsExactlyInAnyOrder("purpose", "bucket", "groupBy");
  }
}
