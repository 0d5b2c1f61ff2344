package org.civitas.gateway.headers;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A response on which the headers the gateway owns are fixed: writes to them from further in
 * (proxied service responses, framework defaults) are dropped, and a reset keeps them.
 */
final class OwnedHeadersResponse extends HttpServletResponseWrapper {

  private final Set<String> owned;

  OwnedHeadersResponse(HttpServletResponse response, Set<String> owned) {
    super(response);
    this.owned = owned;
  }

  @Override
  public void setHeader(String name, String value) {
    if (!owned.contains(name)) {
      super.setHeader(name, value);
    }
  }

  @Override
  public void addHeader(String name, String value) {
    if (!owned.contains(name)) {
      super.addHeader(name, value);
    }
  }

  @Override
  public void setDateHeader(String name, long date) {
    if (!owned.contains(name)) {
      super.setDateHeader(name, date);
    }
  }

  @Override
  public void addDateHeader(String name, long date) {
    if (!owned.contains(name)) {
      super.addDateHeader(name, date);
    }
  }

  @Override
  public void setIntHeader(String name, int value) {
    if (!owned.contains(name)) {
      super.setIntHeader(name, value);
    }
  }

  @Override
  public void addIntHeader(String name, int value) {
    if (!owned.contains(name)) {
      super.addIntHeader(name, value);
    }
  }

  @Override
  public void reset() {
    HttpServletResponse response = (HttpServletResponse) getResponse();
    Map<String, List<String>> kept = new LinkedHashMap<>();
    for (String name : owned) {
      if (response.containsHeader(name)) {
        kept.put(name, new ArrayList<>(response.getHeaders(name)));
      }
    }
    super.reset();
    kept.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
  }
}
