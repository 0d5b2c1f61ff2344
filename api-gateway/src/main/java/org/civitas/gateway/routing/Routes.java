package org.civitas.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.cloud.gateway.server.mvc.predicate.GatewayRequestPredicates.path;

import java.net.URI;
import java.net.http.HttpClient;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.filter.RemoveContentLengthRequestHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * One route per service, listing the public paths it owns. Path, query, method, body and headers
 * (Authorization included: every service validates the token itself) are forwarded unchanged.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

  @Bean
  RouterFunction<ServerResponse> ingestRoute(RouteSettings settings) {
    return to("ingest-service", settings.ingestUri(), "/api/v1/ingest/**");
  }

  // a pattern "/x/**" matches "/x" itself too, e.g. POST /api/v1/sensors
  @Bean
  RouterFunction<ServerResponse> policyRoute(RouteSettings settings) {
    return to(
        "policy-service",
        settings.policyUri(),
        "/api/v1/policies/**",
        "/api/v1/data/**",
        "/api/v1/sensors/**",
        "/api/v1/public/**",
        "/api/v1/legal-holds/**",
        "/api/v1/retention/**");
  }

  @Bean
  RouterFunction<ServerResponse> auditRoute(RouteSettings settings) {
    return to(
        "audit-service",
        settings.auditUri(),
        "/api/v1/audit/**",
        "/api/v1/transparency/**",
        "/transparency/**");
  }

  /**
   * Each service's OpenAPI document under one prefix, for the Swagger UI at {@code /docs}: {@code
   * /v3/api-docs/ingest} is the ingest service's {@code /v3/api-docs}.
   */
  @Bean
  RouterFunction<ServerResponse> apiDocsRoute(RouteSettings settings) {
    return apiDocs("ingest-service", settings.ingestUri(), "ingest")
        .and(apiDocs("policy-service", settings.policyUri(), "policy"))
        .and(apiDocs("audit-service", settings.auditUri(), "audit"));
  }

  private static RouterFunction<ServerResponse> apiDocs(String service, URI target, String name) {
    return route(service + "-api-docs")
        .GET("/v3/api-docs/" + name, http())
        .before(uri(target))
        .before(setPath("/v3/api-docs"))
        .filter(new UpstreamFailures(service))
        .build();
  }

  /**
   * The client that forwards: HTTP/1.1 (the services speak nothing else, and an h2c upgrade attempt
   * would add headers to every request), no redirects followed (they are the caller's to follow),
   * bounded waits so a dead service becomes a 503 rather than a hung request.
   */
  @Bean(destroyMethod = "close")
  ForwardingRequestFactory gatewayClientHttpRequestFactory(RouteSettings settings) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(settings.connectTimeout())
            .build();
    return new ForwardingRequestFactory(
        client, settings.responseTimeout(), settings.bufferedBodyLimit().toBytes());
  }

  @Bean
  RemoveContentLengthRequestHeadersFilter declaredLengthKept() {
    return new DeclaredLengthKept();
  }

  @Bean
  ProxyExchange verbatimQueryProxyExchange(
      RestClient.Builder restClientBuilder, GatewayMvcProperties properties) {
    return new VerbatimQueryProxyExchange(
        new RestClientProxyExchange(restClientBuilder.build(), properties));
  }

  private static RouterFunction<ServerResponse> to(String service, URI target, String... paths) {
    return route(service)
        .route(path(paths), http())
        .before(uri(target))
        .filter(new UpstreamFailures(service))
        .build();
  }
}
