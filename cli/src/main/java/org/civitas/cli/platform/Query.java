package org.civitas.cli.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Query parameters in the order added; absent (null) values are left out. */
public final class Query {

  private final Map<String, String> parameters = new LinkedHashMap<>();

  public static Query of() {
    return new Query();
  }

  public Query add(String name, Object value) {
    if (value != null) {
      parameters.put(name, value.toString());
    }
    return this;
  }

  /** {@code ?a=1&b=2}, or empty when there are no parameters. */
  public String toQueryString() {
    if (parameters.isEmpty()) {
      return "";
    }
    return parameters.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&", "?", ""));
  }

  /** Percent-encodes one query value or path segment (spaces as %20, never '+'). */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
