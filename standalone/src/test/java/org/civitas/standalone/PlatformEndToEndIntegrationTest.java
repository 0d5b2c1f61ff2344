package org.civitas.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.civitas.standalone.PlatformClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton, driven from outside: the real platform (embedded Kafka and PostgreSQL,
 * every service as its own process from its jar) on free ports, real tokens from auth-server, every
 * call through the gateway. One reading travels vendor → ingest → raw topic → minimization →
 * governed store → data query → audit log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndIntegrationTest {

  private static final String SENSOR = "cam-e2e-king-st";
  private static final String PLATE = "CVTS" + (100 + (int) (Math.random() * 899));
  private static final String READING_ID = UUID.randomUUID().toString();
  private static final String WARRANT = "WARRANT-2026-0042";

  private static Platform platform;
  private static PlatformClient client;
  private static Instant observedAt;

  @BeforeAll
  static void startPlatform() {
    platform = RunningPlatform.shared();
    client = RunningPlatform.client();
  }

  @Test
  @Order(1)
  void vendorReadingBecomesAGovernedReadingThatLawEnforcementCanQueryWithAWarrant() {
    String staff = client.token("city-it");
    Response registered =
        client.post(
            "/api/v1/sensors",
            staff,
            Map.ofEntries(
                Map.entry("sensorId", SENSOR),
                Map.entry("vendorId", "acme"),
                Map.entry("type", "ALPR camera"),
                Map.entry("categories", List.of("licence_plate")),
                Map.entry("purposes", List.of("law-enforcement", "traffic-planning")),
                Map.entry("location", Map.of("lat", 43.64871, "lon", -79.38172)),
                Map.entry("jurisdiction", "CA-ON"),
                Map.entry("processingLocations", List.of("CA")),
                Map.entry("legalBasis", "Highway Traffic Act s. 7"),
                Map.entry("accountableOrganization", "City Transportation Services"),
                Map.entry("contact", "privacy@city.example"),
                Map.entry("description", "End-to-end test camera")));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);

    observedAt = Instant.now().minusSeconds(60);
    Map<String, Object> reading =
        Map.of(
            "readingId",
            READING_ID,
            "sensorId",
            SENSOR,
            "observedAt",
            observedAt.toString(),
            "category",
            "licence_plate",
            "location",
            Map.of("lat", 43.64871, "lon", -79.38172),
            "attributes",
            Map.of("plate", PLATE, "speedKmh", 48.2, "lane", 2, "imageRef", "img-77812"));
    String vendor = client.token("vendor-acme");
    // The sensor reaches ingest through the registry topic, so accept it once it has arrived.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              Response ingested = client.post("/api/v1/ingest/readings", vendor, reading);
              assertThat(ingested.status()).as(ingested.body()).isEqualTo(202);
              JsonNode body = ingested.json();
              assertThat(body.get("accepted").asInt() + body.get("duplicates").asInt())
                  .isEqualTo(1);
            });

    String police = client.token("police-liaison");
    JsonNode governed =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> findGoverned(police), found -> found != null);

    assertThat(governed.get("sensorId").asString()).isEqualTo(SENSOR);
    String pseudonym = governed.get("attributes").get("plate").asString();
    assertThat(pseudonym).startsWith("pz_").doesNotContain(PLATE);
    assertThat(governed.get("attributes").has("imageRef"))
        .as("attributes the policy does not list are dropped")
        .isFalse();
    assertThat(governed.get("location").get("geohash").asString()).hasSize(6);
    assertThat(governed.get("location").has("lat")).isFalse();
    Instant truncated = Instant.parse(governed.get("observedAt").asString());
    assertThat(truncated).isBeforeOrEqualTo(observedAt);
    assertThat(truncated.getEpochSecond() % Duration.ofMinutes(15).toSeconds()).isZero();
    assertThat(governed.get("policyVersion").asLong()).isPositive();
  }

  @Test
  @Order(2)
  void theQueryIsInTheAuditLogWithActorPurposeAndRecordCount() {
    String auditor = client.token("auditor");
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              Response events =
                  client.get(
                      "/api/v1/audit/events",
                      auditor,
                      Map.of(
                          "action",
                          "DATA_QUERY",
                          "actor",
                          "police-liaison",
                          "purpose",
                          "law-enforcement",
                          "size",
                          "100"));
              assertThat(events.status()).as(events.body()).isEqualTo(200);
              List<JsonNode> permitted = new ArrayList<>();
              for (JsonNode item : events.json().get("items")) {
                JsonNode event = item.get("event");
                // other test classes on the shared platform query with their own warrants
                if ("PERMIT".equals(event.get("decision").asString())
                    && "law-enforcement".equals(event.get("purpose").asString())
                    && WARRANT.equals(event.path("legalBasis").path("warrantRef").asString())
                    && event.get("recordCount").asLong() >= 1) {
                  permitted.add(event);
                }
              }
              assertThat(permitted).isNotEmpty();
              JsonNode event = permitted.get(0);
              assertThat(event.get("actor").get("subject").asString()).isEqualTo("police-liaison");
              assertThat(event.get("actor").get("roles").get(0).asString())
                  .isEqualTo("LAW_ENFORCEMENT");
              assertThat(event.get("resource").get("category").asString())
                  .isEqualTo("licence_plate");
            });
  }

  @Test
  @Order(3)
  void aQueryWithoutPurposeIsRefusedWithProblemJson() {
    Response response =
        client.get(
            "/api/v1/data/readings",
            client.token("city-it"),
            Map.of(
                "category", "licence_plate",
                "from", Instant.now().minus(1, ChronoUnit.DAYS).toString(),
                "to", Instant.now().toString()));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("purpose");
  }

  @Test
  @Order(4)
  void noClearPlateIsStoredInAnyDatabase() throws Exception {
    Set<String> plates = SimulatedValues.sentInClear(platform, List.of("plate"), 200);
    plates.add(PLATE);
    for (String database : Platform.DATABASES) {
      try (Connection connection =
          DriverManager.getConnection(platform.jdbcUrl(database), "postgres", "")) {
        for (String table : tables(connection)) {
          for (String plate : plates) {
            try (PreparedStatement statement =
                connection.prepareStatement(
                    "select count(*) from " + table + " t where t::text like ?")) {
              statement.setString(1, "%" + plate + "%");
              try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1))
                    .as("rows of %s.%s holding a clear plate", database, table)
                    .isZero();
              }
            }
          }
        }
      }
    }
  }

  @Test
  @Order(5)
  void storedDataSurvivesARestartOfThePlatform() throws Exception {
    platform = RunningPlatform.restart();
    String police = client.token("police-liaison");
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> findGoverned(police), found -> found != null);
  }

  private static JsonNode findGoverned(String token) {
    Response response =
        client.get(
            "/api/v1/data/readings",
            token,
            Map.of(
                "category",
                "licence_plate",
                "sensorId",
                SENSOR,
                "from",
                observedAt.minus(1, ChronoUnit.HOURS).toString(),
                "to",
                Instant.now().plus(1, ChronoUnit.MINUTES).toString(),
                "purpose",
                "law-enforcement",
                "warrantRef",
                WARRANT));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    for (JsonNode item : response.json().get("items")) {
      if (READING_ID.equals(item.get("readingId").asString())) {
        return item;
      }
    }
    return null;
  }

  private static List<String> tables(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rows =
        connection
            .createStatement()
            .executeQuery(
                "select quote_ident(table_schema) || '.' || quote_ident(table_name) from"
                    + " information_schema.tables where table_type = 'BASE TABLE' and"
                    + " table_schema not in ('pg_catalog', 'information_schema')")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }
}
