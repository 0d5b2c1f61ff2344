package org.civitas.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.civitas.contract.ContractJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonViewTest {

  private static JsonNode json(String text) {
    return ContractJson.mapper().readTree(text);
  }

  @Test
  void objectsBecomeAlignedLabelsWithNestedObjectsIndented() {
    JsonNode sensor =
        json(
            """
            {"sensorId":"cam-1","categories":["licence_plate","traffic_count"],
             "location":{"lat":43.6,"lon":-79.3},"description":null}
            """);

    assertThat(JsonView.lines(sensor))
        .containsExactly(
            "sensorId:    cam-1",
            "categories:  licence_plate, traffic_count",
            "location:",
            "  lat: 43.6",
            "  lon: -79.3",
            "description: -");
  }

  @Test
  void listsOfObjectsBecomeTablesWithEveryPropertySeen() {
    JsonNode answer =
        json(
            """
            {"bucket":"PT1H","cells":[{"geohash":"dpz83","count":12},
             {"geohash":"dpz84","count":15,"avgSpeedKmh":40.5}]}
            """);

    assertThat(JsonView.lines(answer))
        .containsExactly(
            "bucket: PT1H",
            "cells:",
            "  geohash  count  avgSpeedKmh",
            "  dpz83    12     -",
            "  dpz84    15     40.5");
  }

  @Test
  void nestedValuesInCellsAreCompacted() {
    assertThat(JsonView.cell(json("{\"plate\":\"pz_Q\",\"speedKmh\":48.0}")))
        .isEqualTo("plate=pz_Q, speedKmh=48.0");
    assertThat(JsonView.cell(json("{\"geohash\":\"dpz83d\"}"))).isEqualTo("geohash=dpz83d");
    assertThat(JsonView.cell(json("[]"))).isEqualTo("-");
    assertThat(JsonView.cell(json("{\"a\":{\"b\":1}}"))).isEqualTo("a={b=1}");
  }
}
