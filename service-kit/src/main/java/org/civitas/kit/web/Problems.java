package org.civitas.kit.web;

import java.net.URI;
import java.util.List;
import org.civitas.contract.FieldViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Factory for the problem+json bodies of CONTRACT §3, with stable {@code type} URIs. */
public final class Problems {

  private static final String TYPE_BASE = "https://civitas.city/problems/";

  public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }

  public static ProblemDetail validation(String detail, List<FieldViolation> errors) {
    ProblemDetail problem =
        of(HttpStatus.BAD_REQUEST, "validation", "Request is not valid", detail);
    problem.setProperty("errors", errors);
    return problem;
  }

  private Problems() {}
}
