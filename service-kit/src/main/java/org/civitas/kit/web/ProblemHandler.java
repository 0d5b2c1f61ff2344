package org.civitas.kit.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.civitas.contract.FieldViolation;
import org.civitas.kit.audit.AuditUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into problem+json. Messages name the field and the rule, never the submitted
 * value, and unexpected failures say nothing about the server's insides.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
  private static final URI ABOUT_BLANK = URI.create("about:blank");

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<ProblemDetail> problem(ProblemException e) {
    return ResponseEntity.status(e.problem().getStatus()).body(e.problem());
  }

  @ExceptionHandler(AuditUnavailableException.class)
  ResponseEntity<ProblemDetail> auditUnavailable(AuditUnavailableException e) {
    log.warn("refusing request: audit log unavailable ({})", e.getCause().getClass().getName());
    ProblemDetail problem =
        Problems.of(
            HttpStatus.SERVICE_UNAVAILABLE,
            "audit-unavailable",
            "Audit log unavailable",
            "The access could not be recorded in the audit log, so nothing was returned. Retry"
                + " later.");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(problem);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest()
        .body(
            Problems.validation(
                "Parameter '" + e.getName() + "' has the wrong format.",
                List.of(
                    new FieldViolation(
                        e.getName(), "invalid_format", "value has the wrong format"))));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest()
        .body(
            Problems.validation(
                "Parameter '" + e.getParameterName() + "' is required.",
                List.of(
                    new FieldViolation(
                        e.getParameterName(), "required", "parameter is required"))));
  }

  /**
   * Standard MVC errors (unreadable body, unsupported media type, method not allowed ...) keep
   * their status but get a stable {@code type} and a detail that says what failed, never with what
   * value.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem =
        body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(status);
    if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType())) {
      HttpStatus known = HttpStatus.resolve(status.value());
      String reason = known != null ? known.getReasonPhrase() : "Error";
      problem.setType(
          Problems.of(
                  HttpStatus.valueOf(status.value()),
                  reason.toLowerCase(Locale.ROOT).replace(' ', '-'),
                  reason,
                  reason)
              .getType());
      if (problem.getTitle() == null) {
        problem.setTitle(reason);
      }
      if (problem.getDetail() == null) {
        problem.setDetail(reason + ".");
      }
    }
    return super.handleExceptionInternal(e, problem, headers, status, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("unexpected failure", e);
    return ResponseEntity.internalServerError()
        .body(
            Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
                "The request could not be completed. It was logged with its correlation id."));
  }
}
