package org.civitas.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemResponsesUnitTest {

  @Test
  void problemsAreWrittenFlatWithTheRfc9457Members() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    var problem =
        Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", "Slow.");
    problem.setProperty("retryAfterSeconds", 7);

    ProblemResponses.write(response, problem);

    assertThat(response.getStatus()).isEqualTo(429);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    JsonNode body = JsonMapper.builder().build().readTree(response.getContentAsString());
    assertThat(body.propertyNames())
        .containsExactlyInAnyOrder("type", "title", "status", "detail", "retryAfterSeconds");
    assertThat(body.get("type").asString()).isEqualTo("https://civitas.city/problems/rate-limited");
    assertThat(body.get("retryAfterSeconds").asInt()).isEqualTo(7);
  }

  @Test
  void genericProblemsNeverExplainServerFailures() {
    var problem = Problems.forStatus(HttpStatus.BAD_GATEWAY);

    assertThat(problem.getStatus()).isEqualTo(502);
    assertThat(problem.getType().toString()).isEqualTo("https://civitas.city/problems/internal");
    assertThat(problem.getDetail()).doesNotContainIgnoringCase("exception");
  }
}
