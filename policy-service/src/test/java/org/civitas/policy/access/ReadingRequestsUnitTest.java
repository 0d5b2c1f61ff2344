package org.civitas.policy.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.civitas.contract.FieldViolation;
import org.civitas.policy.governance.GovernedReadings.Position;
import org.junit.jupiter.api.Test;

class ReadingRequestsUnitTest {

  final ReadingRequests requests = new ReadingRequests(new AccessSettings(null, null, null));

  @Test
  void missingPurposeIsARequiredField() {
    ReadingRequests.Parsed parsed =
        requests.parse("licence_plate", null, null, null, null, null, null, null);

    assertThat(((ReadingRequests.Parsed.Invalid) parsed).errors())
        .containsExactly(new FieldViolation("purpose", "required", "parameter is required"));
  }

  @Test
  void validRequestHasDefaultsAndNormalizedInstants() {
    ReadingRequest request =
        ((ReadingRequests.Parsed.Valid)
                requests.parse(
                    "licence_plate",
                    "2026-11-26T05:00:00-05:00",
                    "2026-11-27T00:00:00Z",
                    "",
                    "traffic-planning",
                    "",
                    null,
                    null))
            .request();

    assertThat(request.from()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
    assertThat(request.to()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
    assertThat(request.limit()).isEqualTo(100);
    assertThat(request.sensorId()).isNull();
    assertThat(request.warrantRef()).isNull();
  }

  @Test
  void everyInvalidParameterIsReported() {
    ReadingRequests.Parsed parsed =
        requests.parse(
            "Licence Plate",
            "yesterday",
            "2026-11-26T00:00:00Z",
            "cam 1; drop table",
            "Traffic Planning",
            "<script>",
            "not-a-cursor",
            "5000");

    assertThat(((ReadingRequests.Parsed.Invalid) parsed).errors())
        .extracting(FieldViolation::field, FieldViolation::code)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("purpose", "invalid_format"),
            org.assertj.core.groups.Tuple.tuple("category", "invalid_format"),
            org.assertj.core.groups.Tuple.tuple("from", "invalid_instant"),
            org.assertj.core.groups.Tuple.tuple("sensorId", "invalid_format"),
            org.assertj.core.groups.Tuple.tuple("warrantRef", "invalid_format"),
            org.assertj.core.groups.Tuple.tuple("cursor", "invalid_cursor"),
            org.assertj.core.groups.Tuple.tuple("limit", "out_of_range"));
  }

  @Test
  void rangeMustNotBeEmpty() {
    ReadingRequests.Parsed parsed =
        requests.parse(
            "licence_plate",
            "2026-11-27T00:00:00Z",
            "2026-11-26T00:00:00Z",
            null,
            "traffic-planning",
            null,
            null,
            null);

    assertThat(((ReadingRequests.Parsed.Invalid) parsed).errors())
        .extracting(FieldViolation::code)
        .containsExactly("invalid_range");
  }

  @Test
  void cursorRoundTrips() {
    Position position =
        new Position(
            Instant.parse("2026-11-26T10:15:00Z"),
            Instant.parse("2026-11-26T10:16:03.123456Z"),
            "8f14e45f-ea3b");

    assertThat(ReadingCursor.decode(ReadingCursor.encode(position))).hasValue(position);
    assertThat(ReadingCursor.decode("%%%")).isEmpty();
  }

  @Test
  void aCursorOfTheEarlierObservedTimeAndIdFormIsRefused() {
    String earlierForm =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "2026-11-26T10:15:00Z\n8f14e45f-ea3b-4c1a-9d55-0d7c2b1a9e01"
                    .getBytes(StandardCharsets.UTF_8));

    ReadingRequests.Parsed parsed =
        requests.parse(
            "licence_plate", null, null, null, "traffic-planning", null, earlierForm, null);

    assertThat(((ReadingRequests.Parsed.Invalid) parsed).errors())
        .extracting(FieldViolation::code)
        .containsExactly("invalid_cursor");
  }
}
