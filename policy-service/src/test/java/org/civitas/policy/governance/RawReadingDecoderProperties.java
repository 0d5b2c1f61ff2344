package org.civitas.policy.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.civitas.contract.ContractJson;
import org.civitas.contract.reading.Reading;
import tools.jackson.core.JacksonException;

/**
 * The raw-topic decoder gives exactly what Jackson's bean deserializer gives, for records in
 * ingest's shape and for every deviation from it: nulls, coercible and uncoercible types, repeated
 * and unknown fields, broken JSON, content after the object.
 */
class RawReadingDecoderProperties {

  @Property(tries = 5000)
  void decodesAsTheContractMapperDoes(@ForAll("records") String record) {
    byte[] value = record.getBytes(StandardCharsets.UTF_8);

    assertThat(RawReadingDecoder.decode(value)).isEqualTo(jackson(value));
  }

  @Example
  void readsIngestsShapeWithoutTheBeanDeserializer() {
    byte[] value =
        """
        {"readingId":"8f14e45f-ea3b-4c1a-9d55-0d7c2b1a9e01","sensorId":"cam-king-st-01",\
        "observedAt":"2026-11-26T10:15:30Z","category":"licence_plate",\
        "location":{"lat":43.6532,"lon":-79.3832},\
        "attributes":{"plate":"ABC123","speedKmh":48.2,"lane":2,"tags":["a",{"b":null}]}}"""
            .getBytes(StandardCharsets.UTF_8);

    Reading reading = RawReadingDecoder.common(value);

    assertThat(reading).isNotNull().isEqualTo(jackson(value));
    assertThat(reading.location()).isEqualTo(new Reading.Location(43.6532, -79.3832));
    assertThat(reading.attributes())
        .containsEntry("lane", 2)
        .containsEntry("tags", List.of("a", java.util.Collections.singletonMap("b", null)));
  }

  @Example
  void aRecordThatIsNotAReadingIsNone() {
    for (String record : List.of("null", "", "[]", "{", "\"x\"", "{\"readingId\": [1]}")) {
      assertThat(RawReadingDecoder.decode(record.getBytes(StandardCharsets.UTF_8)))
          .as(record)
          .isNull();
    }
    assertThat(RawReadingDecoder.decode(null)).isNull();
  }

  @Provide
  Arbitrary<String> records() {
    Arbitrary<String> text =
        Arbitraries.of(
            "\"8f14e45f-ea3b-4c1a-9d55-0d7c2b1a9e01\"",
            "\"cam-1\"",
            "\"\"",
            "null",
            "12",
            "1.5",
            "true",
            "{}",
            "[\"x\"]",
            "\"\\u00e9\\n\"");
    Arbitrary<String> location =
        Arbitraries.of(
            "null",
            "{\"lat\":43.65,\"lon\":-79.38}",
            "{\"lon\":2,\"lat\":1}",
            "{\"lat\":1e400,\"lon\":0}",
            "{\"lat\":\"43.65\",\"lon\":1}",
            "{\"lat\":1}",
            "{}",
            "{\"lat\":1,\"lon\":2,\"alt\":3}",
            "{\"lat\":1,\"lat\":2,\"lon\":3}",
            "{\"lat\":null,\"lon\":2}",
            "[]",
            "\"x\"",
            "7");
    Arbitrary<String> attributes =
        Arbitraries.of(
            "null",
            "{}",
            "{\"a\":1,\"b\":\"x\",\"c\":[1,2.5,null],\"d\":{\"e\":true},\"f\":12345678901234}",
            "{\"a\":1,\"a\":2}",
            "{\"big\":1e400,\"neg\":-0.0}",
            "[]",
            "\"x\"",
            "3");
    Arbitrary<String> field =
        Arbitraries.oneOf(
            Combinators.combine(
                    Arbitraries.of("readingId", "sensorId", "observedAt", "category"), text)
                .as((name, value) -> "\"" + name + "\":" + value),
            location.map(value -> "\"location\":" + value),
            attributes.map(value -> "\"attributes\":" + value),
            Arbitraries.of(
                "\"extra\":{\"deep\":[1,{\"x\":2}]}", "\"x\":null", "\"readingID\":\"other\""));
    Arbitrary<String> object =
        field.list().ofMaxSize(9).map(fields -> "{" + String.join(",", fields) + "}");
    Arbitrary<String> after = Arbitraries.of("", "", "", " \n", " {}", " x", "}", ",");
    Arbitrary<String> broken = Arbitraries.of("null", "", "[]", "{", "{\"readingId\":", "\"x\"");
    return Arbitraries.frequencyOf(
        Tuple.of(8, Combinators.combine(object, after).as(String::concat)), Tuple.of(1, broken));
  }

  private static Reading jackson(byte[] value) {
    try {
      return ContractJson.mapper().readValue(value, Reading.class);
    } catch (JacksonException e) {
      return null;
    }
  }
}
