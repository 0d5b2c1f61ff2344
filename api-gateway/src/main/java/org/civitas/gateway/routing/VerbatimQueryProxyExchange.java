package org.civitas.gateway.routing;

import java.net.URI;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Forwards the query string exactly as the caller sent it. The gateway's own handler rebuilds the
 * query from decoded parameters, which reorders them, re-encodes them and mixes in form fields from
 * the body; a service (or a client signing its requests) must see what was sent.
 */
final class VerbatimQueryProxyExchange implements ProxyExchange {

  private final ProxyExchange delegate;

  VerbatimQueryProxyExchange(ProxyExchange delegate) {
    this.delegate = delegate;
  }

  @Override
  public ServerResponse exchange(Request request) {
    ServerRequest serverRequest = request.getServerRequest();
    RequestBuilder verbatim =
        request(serverRequest)
            .method(request.getMethod())
            .uri(withQuery(request.getUri(), serverRequest.servletRequest().getQueryString()))
            .headers(request.getHeaders());
    request.getResponseConsumers().forEach(verbatim::responseConsumer);
    return delegate.exchange(verbatim.build());
  }

  static URI withQuery(URI target, String rawQuery) {
    StringBuilder uri =
        new StringBuilder(target.getScheme())
            .append("://")
            .append(target.getRawAuthority())
            .append(target.getRawPath() == null ? "" : target.getRawPath());
    if (rawQuery != null) {
      uri.append('?').append(rawQuery);
    }
    try {
      return URI.create(uri.toString());
    } catch (IllegalArgumentException e) {
      // not a valid URI as sent (the container let it through): fall back to the re-encoded form
      return target;
    }
  }
}
