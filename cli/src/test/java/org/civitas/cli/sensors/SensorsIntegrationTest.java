package org.civitas.cli.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.testing.Cli.Run;
import org.civitas.cli.testing.CliAgainstFakePlatform;
import org.civitas.cli.testing.FakePlatform.Answer;
import org.civitas.cli.testing.FakePlatform.Recorded;
import org.civitas.contract.ContractJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SensorsIntegrationTest extends CliAgainstFakePlatform {

  static final String SENSOR =
      """
      {"sensorId":"cam-king-st-01","vendorId":"acme","type":"camera",
       "categories":["licence_plate","traffic_count"],"purposes":["traffic-planning"],
       "location":{"lat":43.64871,"lon":-79.38172},"jurisdiction":"CA-ON",
       "processingLocations":["CA"],"legalBasis":"Municipal Act s.10",
       "accountableOrganization":"City of Toronto","contact":"privacy@toronto.ca",
       "description":"King St camera","status":"ACTIVE",
       "registeredAt":"2026-11-26T10:00:00Z","decommissionedAt":null}
      """;

  SensorsIntegrationTest() {
    super("city-it", "STAFF");
  }

  @Test
  void registerFromOptionsPostsTheContractsRegistration() {
    platform.on("POST", "/api/v1/sensors", Answer.json(201, SENSOR));

    Run run =
        cli.run(
            "sensors",
            "register",
            "--id",
            "cam-king-st-01",
            "--vendor",
            "acme",
            "--type",
            "camera",
            "--category",
            "licence_plate,traffic_count",
            "--purpose",
            "traffic-planning",
            "--lat",
            "43.64871",
            "--lon",
            "-79.38172",
            "--jurisdiction",
            "CA-ON",
            "--processing-location",
            "ca",
            "--legal-basis",
            "Municipal Act s.10",
            "--accountable-organization",
            "City of Toronto",
            "--contact",
            "privacy@toronto.ca",
            "--description",
            "King St camera");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Recorded request = platform.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/v1/sensors");
    assertThat(request.header("Authorization")).startsWith("Bearer ey");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    JsonNode body = ContractJson.mapper().readTree(request.body());
    assertThat(body)
        .isEqualTo(
            ContractJson.mapper()
                .readTree(
                    """
                    {"sensorId":"cam-king-st-01","vendorId":"acme","type":"camera",
                     "categories":["licence_plate","traffic_count"],"purposes":["traffic-planning"],
                     "location":{"lat":43.64871,"lon":-79.38172},"jurisdiction":"CA-ON",
                     "processingLocations":["CA"],"legalBasis":"Municipal Act s.10",
                     "accountableOrganization":"City of Toronto","contact":"privacy@toronto.ca",
                     "description":"King St camera"}
                    """));
    assertThat(run.out())
        .startsWith("Registered sensor cam-king-st-01.")
        .contains("status:")
        .contains("ACTIVE");
  }

  @Test
  void registerFromAFileSendsTheFileAsItIs() throws Exception {
    platform.on("POST", "/api/v1/sensors", Answer.json(201, SENSOR));
    String registration =
        "{\"sensorId\":\"noise-1\",\"vendorId\":\"globex\",\"categories\":[\"noise_level\"],"
            + "\"purposes\":[\"noise-monitoring\"],\"extension\":{\"x\":1}}";
    Path file = Files.writeString(home.resolve("sensor.json"), registration);

    Run run = cli.run("sensors", "register", "--file", file.toString(), "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(ContractJson.mapper().readTree(platform.onlyRequest().body()))
        .isEqualTo(ContractJson.mapper().readTree(registration));
    assertThat(ContractJson.mapper().readTree(run.out()))
        .isEqualTo(ContractJson.mapper().readTree(SENSOR));
  }

  @Test
  void aRefusedRegistrationPrintsTheProblemAndItsFieldErrors() {
    platform.on(
        "POST",
        "/api/v1/sensors",
        Answer.problem(
            422,
            """
            {"type":"https://civitas.city/problems/validation","title":"Registration is not valid",
             "status":422,"detail":"The sensor was not registered; see errors.",
             "errors":[{"field":"processingLocations","code":"residency_violation",
               "message":"processing outside storeIn and transferTo of licence_plate"}]}
            """));

    Run run =
        cli.run(
            "sensors",
            "register",
            "--id",
            "cam-1",
            "--vendor",
            "acme",
            "--category",
            "licence_plate",
            "--purpose",
            "traffic-planning",
            "--processing-location",
            "US");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "Error: Registration is not valid (422): The sensor was not registered; see errors."
                + System.lineSeparator()
                + "  - processingLocations: processing outside storeIn and transferTo of"
                + " licence_plate (residency_violation)"
                + System.lineSeparator());
  }

  @Test
  void listFiltersByStatusAndVendorAndPrintsATable() {
    platform.on("GET", "/api/v1/sensors", Answer.json(200, "[" + SENSOR + "]"));

    Run run = cli.run("sensors", "list", "--status", "active", "--vendor", "acme");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Recorded request = platform.onlyRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.query())
        .containsExactly(
            java.util.Map.entry("status", "ACTIVE"), java.util.Map.entry("vendorId", "acme"));
    assertThat(run.out().lines().toList())
        .containsExactly(
            "SENSOR          VENDOR  TYPE    CATEGORIES                    PURPOSES          JURISDICTION  STATUS",
            "cam-king-st-01  acme    camera  licence_plate, traffic_count  traffic-planning  CA-ON         ACTIVE",
            "",
            "1 sensor.");
  }

  @Test
  void listWithJsonPrintsTheRawAnswer() {
    String answer = "[" + SENSOR.strip() + "]";
    platform.on("GET", "/api/v1/sensors", Answer.json(200, answer));

    Run run = cli.run("--json", "sensors", "list");

    assertThat(run.out().strip()).isEqualTo(answer);
  }

  @Test
  void showAsksForOneSensorWithItsIdEncoded() {
    platform.on("GET", "/api/v1/sensors/cam%2F1", Answer.json(200, SENSOR));

    Run run = cli.run("sensors", "show", "cam/1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(platform.onlyRequest().path()).isEqualTo("/api/v1/sensors/cam%2F1");
    assertThat(run.out())
        .contains("sensorId:")
        .contains("legalBasis:")
        .contains("Municipal Act s.10");
  }

  @Test
  void showingAnUnknownSensorIsRefused() {
    platform.on(
        "GET",
        "/api/v1/sensors/nope",
        Answer.problem(
            404,
            "{\"title\":\"Sensor not found\",\"status\":404,\"detail\":\"No sensor is registered"
                + " with this sensorId.\"}"));

    Run run = cli.run("sensors", "show", "nope");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err())
        .startsWith("Error: Sensor not found (404): No sensor is registered with this sensorId.");
  }

  @Test
  void decommissionDeletesTheSensor() {
    platform.on("DELETE", "/api/v1/sensors/cam-1", Answer.empty(204));

    Run run = cli.run("sensors", "decommission", "cam-1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(platform.onlyRequest().method()).isEqualTo("DELETE");
    assertThat(run.out()).contains("Decommissioned sensor cam-1");
  }
}
