package org.civitas.cli.platform;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;
import org.civitas.cli.failure.CliFailure;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.contract.ContractJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** A successful answer of the platform, body read as text. */
public record PlatformResponse(int status, HttpHeaders headers, String body) {

  public boolean hasBody() {
    return body != null && !body.isBlank();
  }

  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  public String contentType() {
    return header("Content-Type").orElse("");
  }

  /** The body as JSON; a body that is not JSON means the platform (or a proxy) misbehaved. */
  public JsonNode json() {
    if (!hasBody()) {
      return ContractJson.mapper().createObjectNode();
    }
    try {
      return ContractJson.mapper().readTree(body);
    } catch (JacksonException e) {
      throw new CliFailure(
          ExitCodes.UNAVAILABLE,
          "the platform answered " + status + " with a body that is not JSON",
          List.of("  content type: " + contentType()));
    }
  }
}
