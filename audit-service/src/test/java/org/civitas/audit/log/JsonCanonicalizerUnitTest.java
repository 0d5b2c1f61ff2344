package org.civitas.audit.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonCanonicalizerUnitTest {

  @Test
  void sortsMembersByUtf16CodeUnitsAsRfc8785Shows() {
    String input =
        """
        {
          "\\u20ac": "Euro Sign",
          "\\r": "Carriage Return",
          "\\ufb33": "Hebrew Letter Dalet With Dagesh",
          "1": "One",
          "\\ud83d\\ude00": "Emoji: Grinning Face",
          "\\u0080": "Control",
          "\\u00f6": "Latin Small Letter O With Diaeresis"
        }
        """;

    assertThat(canonical(input))
        .isEqualTo(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  @Test
  void escapesStringsAsRfc8785Shows() {
    String input =
        """
        {
          "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
          "literals": [null, true, false]
        }
        """;

    assertThat(canonical(input))
        .isEqualTo(
            "{\"literals\":[null,true,false],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  void writesControlCharactersWithShortEscapesOrLowerCaseHex() {
    assertThat(canonical("[\"\\b\\t\\n\\f\\r\\u0001\\u001F\\u007f\\u2028\"]"))
        .isEqualTo("[\"\\b\\t\\n\\f\\r\\u0001\\u001f\u007f\u2028\"]");
  }

  @Test
  void dropsWhitespaceAndSortsNestedObjects() {
    assertThat(canonical(" { \"b\" : [ 1 , { \"z\" : 1 , \"a\" : 2 } ] , \"a\" : { } } "))
        .isEqualTo("{\"a\":{},\"b\":[1,{\"a\":2,\"z\":1}]}");
  }

  @Test
  void writesIntegersAsPlainDecimals() {
    assertThat(canonical("[0, -0, 120, -5, 9007199254740991, -9007199254740991]"))
        .isEqualTo("[0,0,120,-5,9007199254740991,-9007199254740991]");
  }

  @Test
  void refusesFloatingPointNumbers() {
    for (String json : new String[] {"{\"a\":1.0}", "[1e3]", "[48.2]", "[1E-2]"}) {
      assertThatThrownBy(() -> canonical(json))
          .as(json)
          .isInstanceOfSatisfying(
              CanonicalizationException.class,
              e -> assertThat(e.reason()).isEqualTo("floating_point_number"));
    }
  }

  @Test
  void refusesIntegersNoIJsonReaderKeepsExactly() {
    assertThatThrownBy(() -> canonical("[9007199254740992]"))
        .isInstanceOfSatisfying(
            CanonicalizationException.class,
            e -> assertThat(e.reason()).isEqualTo("integer_out_of_range"));
  }

  @Test
  void refusesDuplicateMemberNames() {
    assertThatThrownBy(() -> canonical("{\"a\":1,\"a\":2}"))
        .isInstanceOfSatisfying(
            CanonicalizationException.class,
            e -> assertThat(e.reason()).isEqualTo("duplicate_key"));
  }

  @Test
  void refusesLoneSurrogatesInValuesAndNames() {
    for (String json : new String[] {"[\"\\ud800\"]", "[\"\\ud800x\"]", "[\"\\udc00\"]"}) {
      assertThatThrownBy(() -> canonical(json))
          .as(json)
          .isInstanceOfSatisfying(
              CanonicalizationException.class,
              e -> assertThat(e.reason()).isEqualTo("invalid_unicode"));
    }
    assertThatThrownBy(() -> canonical("{\"\\udc00\":1}"))
        .isInstanceOf(CanonicalizationException.class);
  }

  @Test
  void refusesTextThatIsNotOneJsonValue() {
    for (String json : new String[] {"not json", "{\"a\":1} {}", "{\"a\":", "{'a':1}", "[NaN]"}) {
      assertThatThrownBy(() -> canonical(json))
          .as(json)
          .isInstanceOfSatisfying(
              CanonicalizationException.class, e -> assertThat(e.reason()).isEqualTo("not_json"));
    }
    assertThatThrownBy(() -> JsonCanonicalizer.canonicalize(new byte[0]))
        .isInstanceOfSatisfying(
            CanonicalizationException.class, e -> assertThat(e.reason()).isEqualTo("empty"));
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    byte[] latin1 = "[\"caf\u00e9\"]".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> JsonCanonicalizer.canonicalize(latin1))
        .isInstanceOf(CanonicalizationException.class);
  }

  @Test
  void canonicalFormIsAFixedPoint() {
    String input = "{ \"z\": [true, null, \"\u00e9\\n\"], \"a\": {\"y\": -3, \"x\": \"\\\"\"} }";
    String once = canonical(input);
    assertThat(canonical(once)).isEqualTo(once);
    assertThat(
            new String(
                JsonCanonicalizer.canonicalize(
                    JsonCanonicalizer.read(once.getBytes(StandardCharsets.UTF_8))),
                StandardCharsets.UTF_8))
        .isEqualTo(once);
  }

  private static String canonical(String json) {
    return new String(
        JsonCanonicalizer.canonicalize(json.getBytes(StandardCharsets.UTF_8)),
        StandardCharsets.UTF_8);
  }
}
