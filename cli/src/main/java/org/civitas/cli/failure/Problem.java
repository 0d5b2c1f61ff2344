package org.civitas.cli.failure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civitas.cli.output.Text;
import org.civitas.contract.ContractJson;
import org.civitas.contract.FieldViolation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An error answer of the platform (CONTRACT §3, RFC 9457 problem+json). Bodies that are not
 * problem+json (a proxy's HTML page, an empty body) still give a usable headline from the status.
 */
public record Problem(
    int status,
    String type,
    String title,
    String detail,
    List<FieldViolation> errors,
    String reason) {

  private static final Map<Integer, String> REASONS =
      Map.ofEntries(
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(406, "Not Acceptable"),
          Map.entry(409, "Conflict"),
          Map.entry(413, "Content Too Large"),
          Map.entry(415, "Unsupported Media Type"),
          Map.entry(422, "Unprocessable Content"),
          Map.entry(429, "Too Many Requests"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(502, "Bad Gateway"),
          Map.entry(503, "Service Unavailable"),
          Map.entry(504, "Gateway Timeout"));

  public Problem {
    errors = List.copyOf(errors);
  }

  /** Reads a problem body leniently: whatever is missing falls back to the HTTP status. */
  public static Problem from(int status, String body) {
    JsonNode json = parse(body);
    if (json == null || !json.isObject()) {
      return new Problem(status, null, null, null, List.of(), null);
    }
    List<FieldViolation> errors = new ArrayList<>();
    for (JsonNode error : json.path("errors")) {
      if (error.isObject()) {
        errors.add(
            new FieldViolation(
                text(error.get("field")), text(error.get("code")), text(error.get("message"))));
      } else if (error.isString()) {
        errors.add(new FieldViolation(null, null, error.stringValue()));
      }
    }
    // OAuth2 token endpoints answer {error, error_description} instead of problem+json.
    String title = text(json.get("title"));
    String detail = text(json.get("detail"));
    if (title == null && json.path("error").isString()) {
      title = json.get("error").stringValue();
      detail = detail != null ? detail : text(json.get("error_description"));
    }
    int answered = json.path("status").isIntegralNumber() ? json.get("status").asInt() : status;
    return new Problem(
        answered == 0 ? status : answered,
        text(json.get("type")),
        title,
        detail,
        errors,
        text(json.get("reason")));
  }

  /** {@code <title> (<status>): <detail>}, the first line of the error message. */
  public String headline() {
    String shownTitle = title != null ? title : REASONS.getOrDefault(status, "HTTP error");
    String line = Text.oneLine(shownTitle) + " (" + status + ")";
    return detail == null || detail.isBlank() ? line : line + ": " + Text.oneLine(detail);
  }

  /** One {@code - field: message (code)} line per field error, then the denial reason. */
  public List<String> detailLines() {
    List<String> lines = new ArrayList<>();
    for (FieldViolation error : errors) {
      StringBuilder line = new StringBuilder("  - ");
      if (error.field() != null) {
        line.append(Text.oneLine(error.field())).append(": ");
      }
      line.append(error.message() == null ? "invalid" : Text.oneLine(error.message()));
      if (error.code() != null) {
        line.append(" (").append(Text.oneLine(error.code())).append(')');
      }
      lines.add(line.toString());
    }
    if (reason != null && !reason.isBlank()) {
      lines.add("  reason: " + Text.oneLine(reason));
    }
    return lines;
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return ContractJson.mapper().readTree(body);
    } catch (JacksonException e) {
      return null;
    }
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    return node.isValueNode() ? node.asString() : node.toString();
  }
}
