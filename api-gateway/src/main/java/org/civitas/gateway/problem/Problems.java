package org.civitas.gateway.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Problem bodies with the same stable {@code type} URIs as the services' problems, so that a client
 * cannot tell whether the gateway or a service refused it. Details never echo request values.
 */
public final class Problems {

  private static final String TYPE_BASE = "https://civitas.city/problems/";

  public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }

  /** A generic problem for a status, for failures that need no more explanation. */
  public static ProblemDetail forStatus(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return switch (known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known) {
      case BAD_REQUEST ->
          of(status, "bad-request", "Bad request", "The request could not be understood.");
      case UNAUTHORIZED -> unauthorized();
      case FORBIDDEN ->
          of(status, "forbidden", "Not allowed", "Your role does not allow this request.");
      case NOT_FOUND -> of(status, "not-found", "Not found", "There is nothing at this path.");
      case METHOD_NOT_ALLOWED ->
          of(
              status,
              "method-not-allowed",
              "Method not allowed",
              "This path does not support the request method.");
      case CONTENT_TOO_LARGE -> payloadTooLarge();
      case UNSUPPORTED_MEDIA_TYPE ->
          of(
              status,
              "unsupported-media-type",
              "Unsupported media type",
              "The request body has a media type this path does not accept.");
      default ->
          status.is4xxClientError()
              ? of(
                  status,
                  "client-error",
                  reasonOf(status),
                  "The request was refused with status " + status.value() + ".")
              : of(
                  status,
                  "internal",
                  "Internal error",
                  "The request could not be completed. It was logged with its correlation id.");
    };
  }

  public static ProblemDetail unauthorized() {
    return of(
        HttpStatus.UNAUTHORIZED,
        "unauthorized",
        "Authentication required",
        "A valid bearer token is required.");
  }

  public static ProblemDetail payloadTooLarge() {
    return of(
        HttpStatus.CONTENT_TOO_LARGE,
        "payload-too-large",
        "Request body too large",
        "The request body exceeds the size the platform accepts.");
  }

  private static String reasonOf(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null ? "Request refused" : known.getReasonPhrase();
  }

  private Problems() {}
}
