package org.civitas.contract.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civitas.contract.ContractJson;
import org.civitas.contract.audit.AuditEvent.Actor;
import org.civitas.contract.audit.AuditEvent.LegalBasis;
import org.civitas.contract.audit.AuditEvent.Resource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuditEventJsonUnitTest {

  static AuditEvent event(AuditAction action, Resource resource) {
    return new AuditEvent(
        "8f14e45f-ea3b-4c1a-9d55-0d7c2b1a9e01",
        "2026-11-26T10:20:01.123Z",
        "policy-service",
        action,
        new Actor("city-it", List.of("STAFF"), "City IT"),
        "traffic-planning",
        LegalBasis.NONE,
        resource,
        Decision.PERMIT,
        null,
        120L,
        3L,
        "c-1");
  }

  @Test
  void anEventWithoutDestinationKeepsTheResourceShapeOfCONTRACT71() {
    String json =
        ContractJson.mapper()
            .writeValueAsString(
                event(
                    AuditAction.DATA_QUERY,
                    new Resource("licence_plate", null, "2026-11-26T00:00:00Z", null)));

    assertThat(json)
        .contains(
            "\"resource\":{\"category\":\"licence_plate\",\"sensorId\":null,"
                + "\"from\":\"2026-11-26T00:00:00Z\",\"to\":null}")
        .doesNotContain("destinationCountry");
  }

  @Test
  void anExportCarriesItsDestinationCountryInTheResource() {
    AuditEvent export =
        event(
            AuditAction.DATA_EXPORT,
            new Resource("traffic_count", null, "2026-11-26T00:00:00Z", null, "DE"));

    JsonNode json =
        ContractJson.mapper().readTree(ContractJson.mapper().writeValueAsString(export));

    assertThat(json.path("resource").path("destinationCountry").asString()).isEqualTo("DE");
    assertThat(json.path("resource").path("sensorId").isNull()).isTrue();
  }

  @Test
  void eventsReadBackWithAndWithoutDestination() {
    AuditEvent export =
        event(AuditAction.DATA_EXPORT, new Resource("traffic_count", null, null, null, "DE"));
    AuditEvent query =
        event(AuditAction.DATA_QUERY, new Resource("traffic_count", null, null, null));

    assertThat(
            ContractJson.mapper()
                .readValue(ContractJson.mapper().writeValueAsString(export), AuditEvent.class))
        .isEqualTo(export);
    AuditEvent readQuery =
        ContractJson.mapper()
            .readValue(ContractJson.mapper().writeValueAsString(query), AuditEvent.class);
    assertThat(readQuery).isEqualTo(query);
    assertThat(readQuery.resource().destinationCountry()).isNull();
  }
}
