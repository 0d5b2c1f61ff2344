package org.civitas.ingest.reading.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.civitas.contract.Roles;
import org.civitas.ingest.reading.BodyFormat;
import org.civitas.ingest.reading.IngestReport;
import org.civitas.ingest.reading.IngestSettings;
import org.civitas.ingest.reading.RawReadingsUnavailableException;
import org.civitas.ingest.reading.ReadingIngestion;
import org.civitas.ingest.reading.RegistryNotReadyException;
import org.civitas.ingest.reading.TooManyReadingsException;
import org.civitas.ingest.reading.UnreadableBodyException;
import org.civitas.kit.web.ProblemException;
import org.civitas.kit.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/ingest/readings} (CONTRACT §4.2). Reads the body itself, so that its size is
 * bounded before anything is buffered and its media type is checked before it is read.
 */
@RestController
class IngestController {

  private final ReadingIngestion ingestion;
  private final long maxBodyBytes;

  IngestController(ReadingIngestion ingestion, IngestSettings settings) {
    this.ingestion = ingestion;
    this.maxBodyBytes = settings.maxBodySize().toBytes();
  }

  @PostMapping("/api/v1/ingest/readings")
  ResponseEntity<IngestReport> ingest(HttpServletRequest request, @AuthenticationPrincipal Jwt jwt)
      throws IOException {
    BodyFormat format =
        BodyFormat.of(request.getContentType())
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problems.of(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "unsupported-media-type",
                            "Unsupported media type",
                            "Send readings as application/json or application/x-ndjson.")));
    byte[] body = read(request);
    IngestReport report =
        ingestion.ingest(body, format, jwt.getClaimAsString(Roles.VENDOR_ID_CLAIM));
    return ResponseEntity.accepted().body(report);
  }

  private byte[] read(HttpServletRequest request) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBodyBytes) {
      throw tooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(declared >= 0 ? (int) declared : (int) maxBodyBytes + 1);
      if (body.length > maxBodyBytes) {
        throw tooLarge();
      }
      return body;
    }
  }

  private ProblemException tooLarge() {
    return new ProblemException(
        Problems.of(
            HttpStatus.CONTENT_TOO_LARGE,
            "payload-too-large",
            "Body too large",
            "A request body may be at most " + maxBodyBytes + " bytes."));
  }

  @ExceptionHandler(UnreadableBodyException.class)
  ResponseEntity<ProblemDetail> unreadable(UnreadableBodyException e) {
    return problem(
        Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body", "Body not readable", e.getMessage()),
        null);
  }

  @ExceptionHandler(TooManyReadingsException.class)
  ResponseEntity<ProblemDetail> tooMany(TooManyReadingsException e) {
    return problem(
        Problems.of(
            HttpStatus.CONTENT_TOO_LARGE, "too-many-readings", "Too many readings", e.getMessage()),
        null);
  }

  @ExceptionHandler(RawReadingsUnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(RawReadingsUnavailableException e) {
    return problem(
        Problems.of(
            HttpStatus.SERVICE_UNAVAILABLE,
            "ingest-unavailable",
            "Readings could not be stored",
            "The readings could not be written durably, so none was accepted. Retry the same"
                + " readings later; their readingIds make the retry safe."),
        "5");
  }

  @ExceptionHandler(RegistryNotReadyException.class)
  ResponseEntity<ProblemDetail> registryLoading(RegistryNotReadyException e) {
    return problem(
        Problems.of(
            HttpStatus.SERVICE_UNAVAILABLE,
            "registry-loading",
            "Sensor registry loading",
            "The service is still loading the sensor registry. Retry shortly."),
        "2");
  }

  private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem, String retryAfter) {
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (retryAfter != null) {
      response.header(HttpHeaders.RETRY_AFTER, retryAfter);
    }
    return response.body(problem);
  }
}
