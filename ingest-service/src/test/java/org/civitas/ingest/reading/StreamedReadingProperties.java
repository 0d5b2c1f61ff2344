package org.civitas.ingest.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.civitas.contract.ContractJson;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Batches read off the token stream ({@link StreamedReading}) are assessed exactly as when every
 * reading is parsed into a tree: the same valid readings with the same bytes for the raw topic, the
 * same rejections, the same whole-request refusals.
 */
class StreamedReadingProperties {

  private final ReadingIntake streamed = intake(true);
  private final ReadingIntake trees = intake(false);
  private final HostileBodies bodies = ReadingFixtures.hostileBodies();

  @Property(tries = 5000)
  void batchesAreAssessedAsTheTreePathAssessesThem(
      @ForAll("batches") byte[] body, @ForAll("vendors") String vendor) {
    assertThat(outcome(streamed, body, vendor)).isEqualTo(outcome(trees, body, vendor));
  }

  @Provide
  Arbitrary<byte[]> batches() {
    Arbitrary<String> item =
        Arbitraries.frequencyOf(
            Tuple.of(8, bodies.readingLike()), Tuple.of(1, HostileBodies.value(2)));
    Arbitrary<String> batch =
        item.list().ofMaxSize(8).map(items -> "{\"readings\":[" + String.join(",", items) + "]}");
    return Arbitraries.frequencyOf(
        Tuple.of(6, batch.map(HostileBodies::utf8)),
        Tuple.of(2, HostileBodies.corrupted(batch)),
        Tuple.of(1, bodies.json()));
  }

  @Provide
  Arbitrary<String> vendors() {
    return Arbitraries.of("acme", "acme", "acme", "globex");
  }

  @Example
  void readingsInTheShapeVendorsSendAreReadOffTheStream() {
    byte[] body =
        ReadingFixtures.batch(ReadingFixtures.plateReading(), ReadingFixtures.plateReading());
    try (JsonParser parser = ContractJson.mapper().createParser(body)) {
      parser.nextToken();
      parser.nextToken();
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      int read = 0;
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        assertThat(StreamedReading.read(parser)).isNotNull();
        assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
        read++;
      }
      assertThat(read).isEqualTo(2);
    }
    assertThat(outcome(streamed, body, "acme")).isEqualTo(outcome(trees, body, "acme"));
  }

  @Example
  void aReadingLeftToTheTreePathLeavesTheStreamAtItsEnd() {
    String body =
        "{\"readings\":[{\"extra\":{\"a\":[1,{\"b\":2}]},\"readingId\":\"x\"},"
            + "{\"location\":{\"lat\":1,\"up\":[3]},\"sensorId\":\"s\"},"
            + "{\"attributes\":{\"a\":1,\"n\":{\"deep\":[1]},\"z\":2},\"category\":\"c\"}]}";
    try (JsonParser parser =
        ContractJson.mapper().createParser(body.getBytes(StandardCharsets.UTF_8))) {
      parser.nextToken();
      parser.nextToken();
      parser.nextToken();
      int read = 0;
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        assertThat(StreamedReading.read(parser)).isNull();
        assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
        read++;
      }
      assertThat(read).isEqualTo(3);
      assertThat(parser.nextToken()).isEqualTo(JsonToken.END_OBJECT);
    }
  }

  private static ReadingIntake intake(boolean streamed) {
    return new ReadingIntake(
        ReadingFixtures.registry(), ReadingFixtures.CLOCK, IngestSettings.defaults(), streamed);
  }

  /** Everything the caller and the raw topic get to see, as text. */
  private static List<String> outcome(ReadingIntake intake, byte[] body, String vendor) {
    List<String> outcome = new ArrayList<>();
    Assessment assessment;
    try {
      assessment = intake.assess(body, BodyFormat.JSON, vendor);
    } catch (RuntimeException e) {
      outcome.add(e.getClass().getSimpleName() + ": " + e.getMessage());
      return outcome;
    }
    for (ValidReading valid : assessment.valid()) {
      outcome.add(
          "valid "
              + valid.index()
              + " "
              + valid.readingId()
              + " "
              + valid.sensorId()
              + " "
              + new String(valid.json(), StandardCharsets.UTF_8));
    }
    for (Rejection rejection : assessment.rejected()) {
      outcome.add("rejected " + rejection);
    }
    return outcome;
  }
}
