package org.civitas.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.civitas.contract.ContractJson;
import org.civitas.contract.audit.AuditAction;
import org.civitas.contract.audit.AuditEvent;
import org.civitas.contract.audit.Decision;
import org.junit.jupiter.api.Test;

class AuditRecordDecoderUnitTest {

  @Test
  void contractEventsDecodeWithTheirFilterFacts() {
    AuditEvent event = AuditLogFixtures.event("3f1d7a52-0a0b-4c39-9d57-1b9f53a9d0aa");

    DecodedRecord decoded =
        AuditRecordDecoder.decode(record(ContractJson.mapper().writeValueAsBytes(event)));

    assertThat(decoded)
        .isInstanceOfSatisfying(
            DecodedRecord.Event.class,
            e -> {
              assertThat(e.eventId()).isEqualTo(event.eventId());
              assertThat(e.occurredAt()).isEqualTo(Instant.parse(event.occurredAt()));
              assertThat(e.action()).isEqualTo(AuditAction.DATA_QUERY.name());
              assertThat(e.actorSubject()).isEqualTo("city-it");
              assertThat(e.actorRoles()).containsExactly("STAFF");
              assertThat(e.actorOrganization()).isEqualTo("City IT");
              assertThat(e.purpose()).isEqualTo("traffic-planning");
              assertThat(e.decision()).isEqualTo(Decision.PERMIT.name());
              assertThat(new String(e.canonical(), StandardCharsets.UTF_8))
                  .isEqualTo(
                      "{\"action\":\"DATA_QUERY\",\"actor\":{\"organization\":\"City IT\","
                          + "\"roles\":[\"STAFF\"],\"subject\":\"city-it\"},"
                          + "\"correlationId\":\"corr-1\",\"decision\":\"PERMIT\","
                          + "\"eventId\":\"3f1d7a52-0a0b-4c39-9d57-1b9f53a9d0aa\","
                          + "\"legalBasis\":{\"warrantRef\":null},"
                          + "\"occurredAt\":\"2026-11-26T10:20:01.123Z\",\"policyVersion\":3,"
                          + "\"purpose\":\"traffic-planning\",\"reason\":null,\"recordCount\":120,"
                          + "\"resource\":{\"category\":\"licence_plate\","
                          + "\"from\":\"2026-11-26T00:00:00Z\",\"sensorId\":null,"
                          + "\"to\":\"2026-11-26T10:00:00Z\"},\"service\":\"policy-service\"}");
            });
  }

  @Test
  void recordsWithoutAStringEventIdAreMalformed() {
    assertThat(reason("{\"action\":\"DATA_QUERY\"}")).isEqualTo("missing_event_id");
    assertThat(reason("{\"eventId\":\"  \"}")).isEqualTo("missing_event_id");
    assertThat(reason("{\"eventId\":42}")).isEqualTo("missing_event_id");
    assertThat(reason("{\"eventId\":\"" + "x".repeat(201) + "\"}")).isEqualTo("invalid_event_id");
  }

  @Test
  void recordsThatAreNotCanonicalJsonObjectsAreMalformed() {
    assertThat(reason("[{\"eventId\":\"a\"}]")).isEqualTo("not_an_object");
    assertThat(reason("\"eventId\"")).isEqualTo("not_an_object");
    assertThat(reason("{\"eventId\":\"a\",\"recordCount\":1.5}"))
        .isEqualTo("floating_point_number");
    assertThat(reason("{\"eventId\":\"a\"")).isEqualTo("not_json");
    assertThat(reason("")).isEqualTo("empty");
  }

  @Test
  void unreadableFilterFactsDoNotStopAnEventFromBeingLogged() {
    DecodedRecord decoded =
        AuditRecordDecoder.decode(
            record(
                "{\"eventId\":\"e-1\",\"occurredAt\":\"yesterday\",\"actor\":\"nobody\",\"action\":7}"
                    .getBytes(StandardCharsets.UTF_8)));

    assertThat(decoded)
        .isInstanceOfSatisfying(
            DecodedRecord.Event.class,
            e -> {
              assertThat(e.occurredAt()).isNull();
              assertThat(e.actorSubject()).isNull();
              assertThat(e.actorRoles()).isEqualTo(List.of());
              assertThat(e.action()).isNull();
            });
  }

  @Test
  void factsTheDatabaseCouldNotIndexAreLeftOutButTheEventIsKept() {
    String longText = "p".repeat(AuditRecordDecoder.MAX_FACT_LENGTH + 1);
    DecodedRecord decoded =
        AuditRecordDecoder.decode(
            record(
                ("{\"eventId\":\"e-2\",\"purpose\":\""
                        + longText
                        + "\",\"service\":\"a\\u0000b\","
                        + "\"occurredAt\":\"+999999-01-01T00:00:00Z\","
                        + "\"actor\":{\"subject\":\"s\",\"roles\":[\"A\\u0000\",\"STAFF\"]}}")
                    .getBytes(StandardCharsets.UTF_8)));

    assertThat(decoded)
        .isInstanceOfSatisfying(
            DecodedRecord.Event.class,
            e -> {
              assertThat(e.purpose()).isNull();
              assertThat(e.service()).isNull();
              assertThat(e.occurredAt()).isNull();
              assertThat(e.actorSubject()).isEqualTo("s");
              assertThat(e.actorRoles()).containsExactly("STAFF");
              assertThat(new String(e.canonical(), StandardCharsets.UTF_8))
                  .contains(longText, "a\\u0000b");
            });
    assertThat(reason("{\"eventId\":\"a\\u0000\"}")).isEqualTo("invalid_event_id");
  }

  private static String reason(String json) {
    DecodedRecord decoded =
        AuditRecordDecoder.decode(record(json.getBytes(StandardCharsets.UTF_8)));
    assertThat(decoded).isInstanceOf(DecodedRecord.Malformed.class);
    return ((DecodedRecord.Malformed) decoded).reason();
  }

  private static IncomingRecord record(byte[] value) {
    return new IncomingRecord("civitas.audit.events", 0, 0, value);
  }
}
