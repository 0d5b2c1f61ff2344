package org.civitas.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.testing.Cli.Run;
import org.civitas.cli.testing.CliAgainstFakePlatform;
import org.civitas.cli.testing.FakePlatform.Answer;
import org.civitas.cli.testing.FakePlatform.Recorded;
import org.civitas.cli.testing.ScriptedTerminal;
import org.civitas.contract.ContractJson;
import org.junit.jupiter.api.Test;

class PolicyIntegrationTest extends CliAgainstFakePlatform {

  static final String POLICY_YAML =
      """
      region: CA
      categories:
        licence_plate:
          retention: PT24H
          residency: { storeIn: [CA], transferTo: [] }
          minimization:
            observedAt: { truncateTo: PT15M }
            location: { geohash: 6 }
            attributes:
              plate: { pseudonymize: { rotation: P1D } }
          access:
            - { purpose: traffic-planning, roles: [STAFF], granularity: aggregate, minCount: 10 }
      """;

  PolicyIntegrationTest() {
    super("policy-admin", "POLICY_ADMIN");
  }

  @Test
  void showPrintsTheActiveVersionAndItsDocument() {
    platform.on(
        "GET",
        "/api/v1/policies/active",
        Answer.json(
            200,
            ContractJson.mapper()
                .createObjectNode()
                .put("version", 3)
                .put("contentHash", "sha256:ab12")
                .put("author", "policy-admin")
                .put("publishedAt", "2026-11-26T09:00:00Z")
                .put("active", true)
                .put("document", POLICY_YAML)
                .toString()));

    Run run = cli.run("policy", "show");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(platform.onlyRequest().path()).isEqualTo("/api/v1/policies/active");
    assertThat(run.out())
        .startsWith(
            "Policy version 3 (active)"
                + System.lineSeparator()
                + "Published 2026-11-26T09:00:00Z by policy-admin")
        .contains("Content hash sha256:ab12")
        .contains("plate: { pseudonymize: { rotation: P1D } }");
  }

  @Test
  void showWithAVersionAsksForThatVersion() {
    platform.on(
        "GET",
        "/api/v1/policies/versions/2",
        Answer.json(200, "{\"version\":2,\"active\":false,\"policy\":{\"region\":\"CA\"}}"));

    Run run = cli.run("policy", "show", "2");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("Policy version 2" + System.lineSeparator())
        .contains("region: \"CA\"");
  }

  @Test
  void versionsListsEveryVersionMarkingTheActiveOne() {
    platform.on(
        "GET",
        "/api/v1/policies/versions",
        Answer.json(
            200,
            """
            {"items":[
              {"version":1,"contentHash":"sha256:0001","author":"bootstrap","publishedAt":"2026-11-20T00:00:00Z","active":false},
              {"version":2,"contentHash":"sha256:0002","author":"policy-admin","publishedAt":"2026-11-26T09:00:00Z","active":true}]}
            """));

    Run run = cli.run("policy", "versions");

    assertThat(run.out().lines().toList())
        .containsExactly(
            "VERSION  ACTIVE  PUBLISHED             AUTHOR        CONTENT HASH",
            "1                2026-11-20T00:00:00Z  bootstrap     sha256:0001",
            "2        *       2026-11-26T09:00:00Z  policy-admin  sha256:0002");
  }

  @Test
  void dryRunSendsTheDraftAsJsonWithTheSampleReadings() throws Exception {
    Path draft = Files.writeString(home.resolve("draft.yaml"), POLICY_YAML);
    Path readings =
        Files.writeString(
            home.resolve("readings.ndjson"),
            "{\"readingId\":\"8f14e45f-ea3b-4c1a-9d55-0d7c2b1a9e01\",\"sensorId\":\"cam-1\"}\n"
                + "\n"
                + "{\"readingId\":\"8f14e45f-ea3b-4c1a-9d55-0d7c2b1a9e02\",\"sensorId\":\"cam-1\"}\n");
    platform.on(
        "POST",
        "/api/v1/policies/dry-run",
        Answer.json(
            200,
            "{\"governed\":[{\"readingId\":\"8f14e45f-ea3b-4c1a-9d55-0d7c2b1a9e01\","
                + "\"location\":{\"geohash\":\"dpz83d\"}}],\"accessChanges\":[]}"));

    Run run = cli.run("policy", "dry-run", draft.toString(), "--readings", readings.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Recorded request = platform.onlyRequest();
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    var body = ContractJson.mapper().readTree(request.body());
    assertThat(body.at("/policy/region").asString()).isEqualTo("CA");
    assertThat(body.at("/policy/categories/licence_plate/minimization/location/geohash").asInt())
        .isEqualTo(6);
    assertThat(body.at("/policy/categories/licence_plate/access/0/minCount").asInt()).isEqualTo(10);
    assertThat(body.path("readings")).hasSize(2);
    assertThat(run.out()).contains("governed:").contains("geohash=dpz83d");
  }

  @Test
  void publishSendsYamlFilesAsYamlUnchanged() throws Exception {
    Path file = Files.writeString(home.resolve("policy.yml"), POLICY_YAML);
    platform.on(
        "PUT",
        "/api/v1/policies",
        Answer.json(
            201,
            "{\"version\":4,\"contentHash\":\"sha256:beef\",\"author\":\"policy-admin\","
                + "\"publishedAt\":\"2026-11-26T10:00:00Z\"}"));

    Run run = cli.run("policy", "publish", file.toString(), "--force");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Recorded request = platform.onlyRequest();
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.path()).isEqualTo("/api/v1/policies");
    assertThat(request.header("Content-Type")).isEqualTo("application/yaml");
    assertThat(request.body()).isEqualTo(POLICY_YAML);
    assertThat(run.out())
        .isEqualTo(
            "Published policy version 4 (content hash sha256:beef)." + System.lineSeparator());
  }

  @Test
  void publishSendsOtherFilesAsJson() throws Exception {
    Path file =
        Files.writeString(home.resolve("policy.json"), "{\"region\":\"CA\",\"categories\":{}}");
    platform.on("PUT", "/api/v1/policies", Answer.json(201, "{\"version\":5}"));

    cli.run("policy", "publish", file.toString(), "--force");

    assertThat(platform.onlyRequest().header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void anInvalidPolicyIsRefusedWithItsErrors() throws Exception {
    Path file = Files.writeString(home.resolve("policy.yaml"), "region: CA\ncategories: {}\n");
    platform.on(
        "PUT",
        "/api/v1/policies",
        Answer.problem(
            422,
            "{\"title\":\"Policy is not valid\",\"status\":422,\"detail\":\"The policy document"
                + " has 1 error(s).\",\"errors\":[{\"field\":\"categories.licence_plate.retention\","
                + "\"code\":\"duration_invalid\",\"message\":\"must be an ISO-8601 duration\"}]}"));

    Run run = cli.run("policy", "publish", file.toString(), "--force");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err())
        .contains("Error: Policy is not valid (422): The policy document has 1 error(s).")
        .contains(
            "  - categories.licence_plate.retention: must be an ISO-8601 duration (duration_invalid)");
  }

  @Test
  void onATerminalPublishingAsksFirstAndNoMeansNothingIsSent() throws Exception {
    Path file = Files.writeString(home.resolve("policy.yaml"), POLICY_YAML);
    ScriptedTerminal terminal = new ScriptedTerminal(null, false);
    cli.withTerminal(terminal);

    Run run = cli.run("policy", "publish", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(terminal.prompts()).hasSize(1);
    assertThat(run.err()).contains("Not published.");
    assertThat(platform.requests()).isEmpty();
  }

  @Test
  void onATerminalYesPublishes() throws Exception {
    Path file = Files.writeString(home.resolve("policy.yaml"), POLICY_YAML);
    platform.on("PUT", "/api/v1/policies", Answer.json(201, "{\"version\":6}"));
    cli.withTerminal(new ScriptedTerminal(null, true));

    Run run = cli.run("policy", "publish", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(platform.onlyRequest().method()).isEqualTo("PUT");
  }
}
