package org.civitas.ingest.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.ingest.reading.ReadingFixtures.*;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.civitas.contract.ContractJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The raw-topic bytes are generated directly; they must stay byte for byte what serializing the
 * normalized reading as a tree gives, since consumers and the load tool's baseline rely on the
 * form.
 */
class NormalizedReadingTest {

  private final ReadingIntake intake = intake();

  @Test
  void aPlateReadingIsWrittenExactlyAsItsNormalizedTree() {
    ObjectNode reading = plateReading();
    reading.put("extra", "dropped");

    assertThat(written(reading)).isEqualTo(expected(reading));
  }

  @Test
  void unusualButValidValuesAreWrittenExactlyAsTheirNormalizedTree() {
    ObjectNode reading = plateReading(UUID.randomUUID().toString().toUpperCase(), ACME_CAMERA, NOW);
    reading.putObject("location").put("lat", 43).put("lon", -79.5e0);
    reading
        .putObject("attributes")
        .put("plate", "Ä\u00e9\uD83D\uDE97 \"quoted\" \\ \n")
        .put("big", new java.math.BigInteger("123456789012345678901234567890"))
        .put("tiny", 1.0e-300)
        .put("flag", true)
        .putNull("gone")
        .put("count", 7L);

    assertThat(written(reading)).isEqualTo(expected(reading));
  }

  @Test
  void aReadingWithoutLocationOrAttributesGetsAnEmptyAttributesObject() {
    ObjectNode reading = plateReading();
    reading.remove("location");
    reading.remove("attributes");

    assertThat(new String(written(reading), StandardCharsets.UTF_8))
        .isEqualTo(new String(expected(reading), StandardCharsets.UTF_8))
        .endsWith("\"attributes\":{}}");
  }

  private byte[] written(ObjectNode reading) {
    Assessment assessment = intake.assess(bytes(reading), BodyFormat.JSON, "acme");
    assertThat(assessment.rejected()).isEmpty();
    return assessment.valid().get(0).json();
  }

  /** The normalized form as the tree it used to be built as. */
  private static byte[] expected(ObjectNode sent) {
    JsonNode parsed = ContractJson.mapper().readTree(bytes(sent));
    ObjectNode normalized = ContractJson.mapper().createObjectNode();
    normalized.put("readingId", UUID.fromString(parsed.get("readingId").stringValue()).toString());
    normalized.put("sensorId", parsed.get("sensorId").stringValue());
    normalized.put("observedAt", parsed.get("observedAt").stringValue());
    normalized.put("category", parsed.get("category").stringValue());
    JsonNode location = parsed.get("location");
    if (location != null) {
      normalized
          .putObject("location")
          .put("lat", location.get("lat").doubleValue())
          .put("lon", location.get("lon").doubleValue());
    }
    JsonNode attributes = parsed.get("attributes");
    if (attributes == null) {
      normalized.putObject("attributes");
    } else {
      normalized.set("attributes", attributes);
    }
    return ContractJson.mapper().writeValueAsBytes(normalized);
  }
}
