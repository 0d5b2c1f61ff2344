package org.civitas.ingest.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civitas.ingest.reading.ReadingFixtures.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.civitas.contract.ContractJson;
import org.civitas.contract.FieldViolation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ReadingIntakeTest {

  private final ReadingIntake intake = intake();

  @Test
  void aValidReadingIsNormalizedForTheRawTopic() {
    ObjectNode reading = plateReading();
    String id = reading.get("readingId").stringValue();
    reading.put("readingId", id.toUpperCase());
    reading.put("extra", "dropped");

    Assessment assessment = intake.assess(bytes(reading), BodyFormat.JSON, "acme");

    assertThat(assessment.rejected()).isEmpty();
    assertThat(assessment.valid()).hasSize(1);
    ValidReading valid = assessment.valid().get(0);
    assertThat(valid.readingId()).isEqualTo(UUID.fromString(id));
    assertThat(valid.sensorId()).isEqualTo(ACME_CAMERA);
    JsonNode json = ContractJson.mapper().readTree(valid.json());
    assertThat(json.get("readingId").stringValue()).isEqualTo(id);
    assertThat(json.has("extra")).isFalse();
    assertThat(json.get("attributes").get("plate").stringValue()).isEqualTo("ABCD123");
    assertThat(json.get("location").get("lat").doubleValue()).isEqualTo(43.64871);
  }

  @Test
  void eachBrokenFieldIsNamedWithItsCode() {
    assertThat(codes(r -> r.remove("readingId"))).containsExactly("readingId:required");
    assertThat(codes(r -> r.put("readingId", "1-1-1-1-1")))
        .containsExactly("readingId:invalid_uuid");
    assertThat(codes(r -> r.put("readingId", 42))).containsExactly("readingId:invalid_uuid");
    assertThat(codes(r -> r.remove("sensorId"))).containsExactly("sensorId:required");
    assertThat(codes(r -> r.put("sensorId", "nope"))).containsExactly("sensorId:sensor_unknown");
    assertThat(codes(r -> r.put("sensorId", true))).containsExactly("sensorId:invalid_type");
    assertThat(codes(r -> r.put("sensorId", RETIRED_CAMERA)))
        .containsExactly("sensorId:sensor_inactive");
    assertThat(codes(r -> r.put("sensorId", GLOBEX_METER)))
        .containsExactly("sensorId:sensor_not_owned");
    assertThat(codes(r -> r.put("observedAt", "2026-11-26T10:15:30")))
        .containsExactly("observedAt:invalid_timestamp");
    assertThat(codes(r -> r.put("observedAt", 1764151200)))
        .containsExactly("observedAt:invalid_timestamp");
    assertThat(codes(r -> r.put("observedAt", NOW.plus(Duration.ofMinutes(6)).toString())))
        .containsExactly("observedAt:timestamp_future");
    assertThat(codes(r -> r.put("observedAt", NOW.minus(Duration.ofDays(8)).toString())))
        .containsExactly("observedAt:timestamp_stale");
    assertThat(codes(r -> r.put("category", "noise_level")))
        .containsExactly("category:category_not_registered");
    assertThat(codes(r -> r.remove("category"))).containsExactly("category:required");
    assertThat(codes(r -> ((ObjectNode) r.get("location")).put("lat", 91)))
        .containsExactly("location:location_invalid");
    assertThat(codes(r -> ((ObjectNode) r.get("location")).put("lon", "-79.3")))
        .containsExactly("location:location_invalid");
    assertThat(codes(r -> r.put("location", "here"))).containsExactly("location:location_invalid");
    assertThat(codes(r -> ((ObjectNode) r.get("attributes")).putObject("nested")))
        .containsExactly("attributes:attributes_invalid");
    assertThat(codes(r -> ((ObjectNode) r.get("attributes")).put("long", "x".repeat(1025))))
        .containsExactly("attributes:attributes_invalid");
    assertThat(codes(r -> r.put("attributes", "plate=ABCD123")))
        .containsExactly("attributes:attributes_invalid");
    assertThat(
            codes(
                r -> {
                  ObjectNode attributes = (ObjectNode) r.get("attributes");
                  for (int i = 0; i < 61; i++) {
                    attributes.put("a" + i, i);
                  }
                }))
        .containsExactly("attributes:attributes_invalid");
    assertThat(codes(r -> ((ObjectNode) r.get("attributes")).put("big", "x".repeat(1000))))
        .isEmpty();
  }

  @Test
  void timestampsWithinTheWindowAndWithOffsetsAreAccepted() {
    assertThat(codes(r -> r.put("observedAt", "2026-11-26T12:19:30+02:00"))).isEmpty();
    assertThat(codes(r -> r.put("observedAt", NOW.minus(Duration.ofDays(6)).toString()))).isEmpty();
    assertThat(codes(r -> r.put("observedAt", NOW.plus(Duration.ofMinutes(4)).toString())))
        .isEmpty();
  }

  @Test
  void anotherVendorsSensorRevealsNeitherStatusNorCategories() {
    assertThat(
            codes(
                r -> {
                  r.put("sensorId", GLOBEX_METER);
                  r.put("category", "licence_plate");
                }))
        .containsExactly("sensorId:sensor_not_owned");
  }

  @Test
  void aReadingOver16KiBIsTooLarge() {
    ObjectNode reading = plateReading();
    ObjectNode attributes = (ObjectNode) reading.get("attributes");
    for (int i = 0; i < 20; i++) {
      attributes.put("filler" + i, "x".repeat(1000));
    }
    Assessment assessment = intake.assess(batch(reading), BodyFormat.JSON, "acme");

    assertThat(assessment.rejected())
        .singleElement()
        .satisfies(
            rejection -> {
              assertThat(rejection.errors())
                  .extracting(FieldViolation::code)
                  .containsExactly("reading_too_large");
              assertThat(rejection.readingId()).isEqualTo(reading.get("readingId").stringValue());
            });
  }

  @Test
  void aBatchKeepsGoodReadingsAndNamesTheBadOnesByIndex() {
    ObjectNode bad = plateReading();
    bad.put("readingId", "not-a-uuid");
    byte[] body =
        ("{\"readings\": [" + plateReading() + ", 17, " + bad + ", " + plateReading() + "]}")
            .getBytes(StandardCharsets.UTF_8);

    Assessment assessment = intake.assess(body, BodyFormat.JSON, "acme");

    assertThat(assessment.valid()).extracting(ValidReading::index).containsExactly(0, 3);
    assertThat(assessment.rejected()).extracting(Rejection::index).containsExactly(1, 2);
    assertThat(assessment.rejected().get(0).errors())
        .extracting(FieldViolation::code)
        .containsExactly("invalid_type");
    assertThat(assessment.rejected().get(1).readingId()).isNull();
  }

  @Test
  void ndjsonBrokenLinesAreRejectedOneByOne() {
    String body = plateReading() + "\n" + "{\"readingId\": \n" + "\r\n" + plateReading() + "\r\n";

    Assessment assessment =
        intake.assess(body.getBytes(StandardCharsets.UTF_8), BodyFormat.NDJSON, "acme");

    assertThat(assessment.valid()).extracting(ValidReading::index).containsExactly(0, 2);
    assertThat(assessment.rejected())
        .singleElement()
        .satisfies(
            rejection -> {
              assertThat(rejection.index()).isEqualTo(1);
              assertThat(rejection.errors())
                  .extracting(FieldViolation::code)
                  .containsExactly("malformed_json");
            });
  }

  @Test
  void bodiesThatAreNotJsonObjectsAreUnreadable() {
    for (String body :
        List.of(
            "",
            "[]",
            "null",
            "\"x\"",
            "{",
            "{\"a\":1} x",
            "{\"readings\": 3}",
            "{\"a\":1,\"a\":2}")) {
      assertThatThrownBy(
              () -> intake.assess(body.getBytes(StandardCharsets.UTF_8), BodyFormat.JSON, "acme"))
          .as(body)
          .isInstanceOf(UnreadableBodyException.class);
    }
  }

  @Test
  void unreadableBodyMessagesNeverEchoTheBody() {
    assertThatThrownBy(
            () ->
                intake.assess(
                    "{\"plate\": ABCD123}".getBytes(StandardCharsets.UTF_8),
                    BodyFormat.JSON,
                    "acme"))
        .isInstanceOf(UnreadableBodyException.class)
        .message()
        .doesNotContain("ABCD123");
  }

  @Test
  void moreThan5000ReadingsAreTooMany() {
    StringBuilder json = new StringBuilder("{\"readings\": [");
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i <= 5000; i++) {
      json.append(i == 0 ? "{}" : ",{}");
      ndjson.append("{}\n");
    }
    json.append("]}");
    assertThatThrownBy(
            () ->
                intake.assess(
                    json.toString().getBytes(StandardCharsets.UTF_8), BodyFormat.JSON, "acme"))
        .isInstanceOf(TooManyReadingsException.class);
    assertThatThrownBy(
            () ->
                intake.assess(
                    ndjson.toString().getBytes(StandardCharsets.UTF_8), BodyFormat.NDJSON, "acme"))
        .isInstanceOf(TooManyReadingsException.class);
  }

  @Test
  void nonFiniteAndHugeNumbersAreNotAttributeValues() {
    String reading = plateReading().toString();
    String huge = reading.replace("\"lane\":2", "\"lane\":1e400");
    Assessment assessment =
        intake.assess(huge.getBytes(StandardCharsets.UTF_8), BodyFormat.JSON, "acme");
    assertThat(assessment.rejected())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.errors())
                    .extracting(FieldViolation::code)
                    .containsExactly("attributes_invalid"));

    String nan = reading.replace("\"lane\":2", "\"lane\":NaN");
    assertThatThrownBy(
            () -> intake.assess(nan.getBytes(StandardCharsets.UTF_8), BodyFormat.JSON, "acme"))
        .isInstanceOf(UnreadableBodyException.class);
  }

  @Test
  void attributeTextThatIsNotTextIsRefused() {
    String reading = plateReading().toString();
    for (String value : List.of("\"a\\ud800b\"", "\"\\udc00\"", "\"nul\\u0000\"")) {
      String body = reading.replace("\"lane\":2", "\"lane\":" + value);
      Assessment assessment =
          intake.assess(body.getBytes(StandardCharsets.UTF_8), BodyFormat.JSON, "acme");
      assertThat(assessment.rejected())
          .as(value)
          .singleElement()
          .satisfies(
              r ->
                  assertThat(r.errors())
                      .extracting(FieldViolation::code)
                      .containsExactly("attributes_invalid"));
    }
    String emoji = reading.replace("\"lane\":2", "\"lane\":\"\\ud83d\\ude00 ok\"");
    assertThat(
            intake.assess(emoji.getBytes(StandardCharsets.UTF_8), BodyFormat.JSON, "acme").valid())
        .hasSize(1);
  }

  private List<String> codes(java.util.function.Consumer<ObjectNode> change) {
    ObjectNode reading = plateReading();
    change.accept(reading);
    Assessment assessment = intake.assess(bytes(reading), BodyFormat.JSON, "acme");
    return assessment.rejected().stream()
        .flatMap(r -> r.errors().stream())
        .map(e -> e.field() + ":" + e.code())
        .toList();
  }
}
