package org.civitas.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks that a running service's OpenAPI document describes every endpoint its own controllers
 * map, so an endpoint added without documentation fails the build.
 */
public final class ApiDocumentCoverage {

  // Matched by name so test-support needs no swagger dependency; hidden controllers are web pages.
  private static final String HIDDEN = "io.swagger.v3.oas.annotations.Hidden";

  /** Fails unless {@code /v3/api-docs} on the given port documents every mapped operation. */
  public static void assertEveryEndpointDocumented(
      RequestMappingHandlerMapping mappings, int port) {
    Set<String> mapped = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              if (!isApiOperation(handler)) {
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
    apiDocument(port)
        .path("paths")
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

  private static boolean isApiOperation(HandlerMethod handler) {
    Class<?> type = handler.getBeanType();
    return type.getName().startsWith("org.civitas.")
        && Arrays.stream(type.getAnnotations())
            .noneMatch(annotation -> annotation.annotationType().getName().equals(HIDDEN));
  }

  private static JsonNode apiDocument(int port) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("GET /v3/api-docs").isEqualTo(200);
      return JsonMapper.builder().build().readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("cannot fetch the OpenAPI document", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private ApiDocumentCoverage() {}
}
