package org.civitas.cli.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void validationProblemsListEachFieldError() {
    Problem problem =
        Problem.from(
            422,
            """
            {"type":"https://civitas.city/problems/validation","title":"Registration is not valid",
             "status":422,"detail":"The sensor was not registered; see errors.",
             "errors":[{"field":"processingLocations","code":"residency_violation",
                        "message":"vendor processes data outside storeIn and transferTo"},
                       {"field":"categories[0]","code":"category_unknown","message":"unknown category"}]}
            """);

    assertThat(problem.headline())
        .isEqualTo("Registration is not valid (422): The sensor was not registered; see errors.");
    assertThat(problem.detailLines())
        .containsExactly(
            "  - processingLocations: vendor processes data outside storeIn and transferTo"
                + " (residency_violation)",
            "  - categories[0]: unknown category (category_unknown)");
  }

  @Test
  void anAccessDenialShowsItsReason() {
    Problem problem =
        Problem.from(
            403,
            "{\"title\":\"Access denied by policy\",\"status\":403,\"detail\":\"No access rule"
                + " permits this request.\",\"reason\":\"purpose not permitted\"}");

    assertThat(problem.detailLines()).containsExactly("  reason: purpose not permitted");
  }

  @Test
  void bodiesThatAreNotProblemsFallBackToTheStatus() {
    assertThat(Problem.from(502, "<html>Bad gateway</html>").headline())
        .isEqualTo("Bad Gateway (502)");
    assertThat(Problem.from(418, "").headline()).isEqualTo("HTTP error (418)");
    assertThat(
            Problem.from(404, "{\"detail\":\"No sensor is registered with this sensorId.\"}")
                .headline())
        .isEqualTo("Not Found (404): No sensor is registered with this sensorId.");
  }

  @Test
  void oauthErrorsReadLikeProblems() {
    Problem problem =
        Problem.from(
            401,
            "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");

    assertThat(problem.headline()).isEqualTo("invalid_client (401): Client authentication failed");
  }

  @Test
  void terminalControlCharactersFromTheServerAreNeutralized() {
    Problem problem =
        Problem.from(400, "{\"title\":\"Bad\\u001b[31m\",\"detail\":\"line1\\nline2\"}");

    assertThat(problem.headline()).isEqualTo("Bad\uFFFD[31m (400): line1 line2");
  }

  @Test
  void rateLimitAndCorrelationAreShownForSupport() {
    ProblemFailure failure =
        new ProblemFailure(
            Problem.from(429, "{\"title\":\"Too many requests\",\"status\":429}"),
            Optional.of("30"),
            Optional.of("c0ffee"));

    assertThat(failure.getMessage()).isEqualTo("Too many requests (429)");
    assertThat(failure.details())
        .containsExactly("  retry after 30 seconds", "  correlation id: c0ffee");
    assertThat(failure.exitCode()).isEqualTo(ExitCodes.REFUSED);
  }
}
