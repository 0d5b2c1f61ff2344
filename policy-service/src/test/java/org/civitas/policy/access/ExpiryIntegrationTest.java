package org.civitas.policy.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.civitas.contract.ContractJson;
import org.civitas.policy.support.PolicyServiceIntegrationTestSupport;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

class ExpiryIntegrationTest extends PolicyServiceIntegrationTestSupport {

  static final String CATEGORY_POLICY =
      """
      {
        "retention": "P1D",
        "residency": { "storeIn": ["CA"], "transferTo": ["US"] },
        "minimization": { "attributes": { "count": "keep" } },
        "access": [ { "purpose": "open-data", "roles": ["STAFF"], "granularity": "record" } ]
      }
      """;

  HttpResponse<String> readings(String category, String sensorId) {
    return get(
        "/api/v1/data/readings?purpose=open-data&category=" + category + "&sensorId=" + sensorId,
        TestTokens.staff());
  }

  HttpResponse<String> aggregates(String category, Instant hour) {
    return get(
        "/api/v1/data/aggregates?purpose=open-data&bucket=PT1H&groupBy=sensorId&category="
            + category
            + "&from="
            + hour
            + "&to="
            + hour.plus(Duration.ofHours(1)),
        TestTokens.staff());
  }

  HttpResponse<String> export(String category, Instant hour) {
    return send(
        "POST",
        "/api/v1/data/exports",
        TestTokens.staff(),
        "application/json",
        ContractJson.mapper()
            .writeValueAsString(
                Map.of(
                    "category",
                    category,
                    "from",
                    hour.toString(),
                    "to",
                    hour.plus(Duration.ofHours(1)).toString(),
                    "purpose",
                    "open-data",
                    "destinationCountry",
                    "US")));
  }

  @Test
  void anExpiredReadingIsNeverReturnedAggregatedOrExportedEvenBeforeASweep() {
    String category = unique("it_expiry");
    publishWithCategory(category, CATEGORY_POLICY);
    Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
    String readingId =
        storeRow(
            category,
            "exp-sensor",
            hour.plusSeconds(5),
            clock.instant().plus(Duration.ofMinutes(1)),
            null,
            "{\"count\": 7}");
    assertThat(readings(category, "exp-sensor").body()).contains(readingId);
    assertThat(aggregates(category, hour).body()).contains("exp-sensor");
    assertThat(export(category, hour).body()).contains(readingId);

    clock.advance(Duration.ofMinutes(2));

    HttpResponse<String> readings = readings(category, "exp-sensor");
    HttpResponse<String> aggregates = aggregates(category, hour);
    HttpResponse<String> export = export(category, hour);
    assertThat(readings.statusCode()).isEqualTo(200);
    assertThat(json(readings).path("items")).isEmpty();
    assertThat(aggregates.statusCode()).isEqualTo(200);
    assertThat(json(aggregates).path("cells")).isEmpty();
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("X-Civitas-Record-Count")).hasValue("0");
    assertThat(export.body()).isEmpty();
    // not swept: the row is still stored, only never handed out
    assertThat(rowExists(readingId)).isTrue();
  }
}
