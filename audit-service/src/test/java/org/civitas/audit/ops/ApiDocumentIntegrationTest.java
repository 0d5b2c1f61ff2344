package org.civitas.audit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.civitas.audit.AuditServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document describes every endpoint the service's own controllers map, so an endpoint
 * missing from the document fails the build.
 */
class ApiDocumentIntegrationTest extends AuditServiceTestBase {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyEndpointOfTheServiceIsInItsOpenApiDocument() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode paths = JsonMapper.builder().build().readTree(response.body()).path("paths");

    Set<String> mapped = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              if (!handler.getBeanType().getName().startsWith("org.civitas.")
                  // web pages (the dashboard) are not part of the API document
                  || handler.getBeanType().isAnnotationPresent(Hidden.class)) {
                return;
              }
              Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
              for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                  mapped.add("ANY " + pattern);
                }
                methods.forEach(method -> mapped.add(method + " " + pattern));
              }
            });
    Set<String> documented = new TreeSet<>();
    paths
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation -> {
                          documented.add(
                              operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                          documented.add("ANY " + path.getKey());
                        }));

    assertThat(mapped).isNotEmpty();
    assertThat(documented).containsAll(mapped);
  }
}
