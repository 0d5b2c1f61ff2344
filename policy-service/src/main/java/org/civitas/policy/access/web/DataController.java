package org.civitas.policy.access.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civitas.contract.ContractJson;
import org.civitas.contract.FieldViolation;
import org.civitas.contract.reading.GovernedReading;
import org.civitas.kit.web.ProblemException;
import org.civitas.kit.web.Problems;
import org.civitas.policy.access.AccessDenied;
import org.civitas.policy.access.AggregateReport;
import org.civitas.policy.access.AggregateRequests;
import org.civitas.policy.access.ExportRequests;
import org.civitas.policy.access.ExportSink;
import org.civitas.policy.access.NoActivePolicy;
import org.civitas.policy.access.ReadingAccess;
import org.civitas.policy.access.ReadingAggregates;
import org.civitas.policy.access.ReadingExports;
import org.civitas.policy.access.ReadingPage;
import org.civitas.policy.access.ReadingRequests;
import org.civitas.policy.access.TooManyCells;
import org.civitas.policy.governance.GovernedReadings.Grouping;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Data access for staff and law enforcement (CONTRACT §8): readings, aggregates, exports. */
@RestController
@RequestMapping("/api/v1/data")
class DataController {

  static final String NDJSON = "application/x-ndjson";
  static final String RECORD_COUNT_HEADER = "X-Civitas-Record-Count";

  /** Body of {@code POST /api/v1/data/exports}. */
  record ExportBody(
      String category,
      String from,
      String to,
      String purpose,
      String destinationCountry,
      String warrantRef) {}

  /** Aggregates as answered; a cell names its sensorId or geohash when grouped by it. */
  record AggregatesView(
      String category,
      String purpose,
      Instant from,
      Instant to,
      String bucket,
      String groupBy,
      int minCount,
      long policyVersion,
      List<CellView> cells,
      int suppressed) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CellView(
      Instant bucketStart,
      String sensorId,
      String geohash,
      long count,
      Map<String, SummaryView> attributes) {}

  record SummaryView(long count, BigDecimal min, BigDecimal avg, BigDecimal max) {}

  private final ReadingRequests requests;
  private final ReadingAccess access;
  private final AggregateRequests aggregateRequests;
  private final ReadingAggregates aggregates;
  private final ExportRequests exportRequests;
  private final ReadingExports exports;

  DataController(
      ReadingRequests requests,
      ReadingAccess access,
      AggregateRequests aggregateRequests,
      ReadingAggregates aggregates,
      ExportRequests exportRequests,
      ReadingExports exports) {
    this.requests = requests;
    this.access = access;
    this.aggregateRequests = aggregateRequests;
    this.aggregates = aggregates;
    this.exportRequests = exportRequests;
    this.exports = exports;
  }

  @GetMapping("/readings")
  ResponseEntity<ReadingPage> readings(
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String sensorId,
      @RequestParam(required = false) String purpose,
      @RequestParam(required = false) String warrantRef,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String limit,
      Authentication caller) {
    ReadingRequests.Parsed parsed =
        requests.parse(category, from, to, sensorId, purpose, warrantRef, cursor, limit);
    if (parsed instanceof ReadingRequests.Parsed.Invalid invalid) {
      throw invalid("The query parameters are not valid.", invalid.errors());
    }
    ReadingPage page = access.read(((ReadingRequests.Parsed.Valid) parsed).request(), caller);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(page);
  }

  @GetMapping("/aggregates")
  ResponseEntity<AggregatesView> aggregates(
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String bucket,
      @RequestParam(required = false) String groupBy,
      @RequestParam(required = false) String purpose,
      @RequestParam(required = false) String warrantRef,
      Authentication caller) {
    AggregateRequests.Parsed parsed =
        aggregateRequests.parse(category, from, to, bucket, groupBy, purpose, warrantRef);
    if (parsed instanceof AggregateRequests.Parsed.Invalid invalid) {
      throw invalid("The query parameters are not valid.", invalid.errors());
    }
    AggregateReport report =
        aggregates.aggregate(((AggregateRequests.Parsed.Valid) parsed).request(), caller);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view(report));
  }

  /**
   * Streams the export as NDJSON, one governed reading a line, after it has been audited; {@code
   * X-Civitas-Record-Count} says how many lines follow.
   */
  @PostMapping(path = "/exports", consumes = MediaType.APPLICATION_JSON_VALUE)
  void export(
      @RequestBody(required = false) ExportBody body,
      Authentication caller,
      HttpServletResponse response) {
    ExportBody request = body == null ? new ExportBody(null, null, null, null, null, null) : body;
    ExportRequests.Parsed parsed =
        exportRequests.parse(
            request.category(),
            request.from(),
            request.to(),
            request.purpose(),
            request.destinationCountry(),
            request.warrantRef());
    if (parsed instanceof ExportRequests.Parsed.Invalid invalid) {
      throw invalid("The export request is not valid.", invalid.errors());
    }
    exports.export(
        ((ExportRequests.Parsed.Valid) parsed).request(), caller, new NdjsonSink(response));
  }

  @ExceptionHandler(AccessDenied.class)
  ResponseEntity<ProblemDetail> denied(AccessDenied e) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.FORBIDDEN,
            "access-denied",
            "Access denied by policy",
            "No access rule of the active policy permits this request. The request was"
                + " recorded.");
    problem.setProperty("reason", e.reason());
    return problem(problem);
  }

  @ExceptionHandler(NoActivePolicy.class)
  ResponseEntity<ProblemDetail> noActivePolicy(NoActivePolicy e) {
    return problem(
        Problems.of(
            HttpStatus.SERVICE_UNAVAILABLE,
            "no-active-policy",
            "No active policy",
            "No policy version is active yet. Retry shortly."));
  }

  @ExceptionHandler(TooManyCells.class)
  ResponseEntity<ProblemDetail> tooManyCells(TooManyCells e) {
    return problem(
        Problems.validation(
            "The aggregate would have more than " + e.maxCells() + " cells.",
            List.of(
                new FieldViolation(
                    "bucket",
                    "too_many_cells",
                    "narrow from/to or choose a wider bucket: at most "
                        + e.maxCells()
                        + " cells per answer"))));
  }

  private static ProblemException invalid(String detail, List<FieldViolation> errors) {
    return new ProblemException(Problems.validation(detail, errors));
  }

  private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static AggregatesView view(AggregateReport report) {
    List<CellView> cells =
        report.cells().stream()
            .map(
                cell ->
                    new CellView(
                        cell.bucketStart(),
                        report.groupBy() == Grouping.SENSOR_ID ? cell.group() : null,
                        report.groupBy() == Grouping.GEOHASH ? cell.group() : null,
                        cell.count(),
                        summaries(cell.attributes())))
            .toList();
    return new AggregatesView(
        report.category(),
        report.purpose(),
        report.from(),
        report.to(),
        bucket(report.bucket()),
        switch (report.groupBy()) {
          case SENSOR_ID -> "sensorId";
          case GEOHASH -> "geohash";
          case NONE -> null;
        },
        report.minCount(),
        report.policyVersion(),
        cells,
        report.suppressed());
  }

  private static Map<String, SummaryView> summaries(Map<String, AggregateReport.Summary> in) {
    Map<String, SummaryView> out = new java.util.LinkedHashMap<>();
    in.forEach((name, s) -> out.put(name, new SummaryView(s.count(), s.min(), s.avg(), s.max())));
    return out;
  }

  private static String bucket(Duration bucket) {
    return bucket.toString();
  }

  /** Writes readings as NDJSON straight to the response, flushing in chunks. */
  private static final class NdjsonSink implements ExportSink {
    private static final byte[] NEWLINE = "\n".getBytes(StandardCharsets.UTF_8);

    private final HttpServletResponse response;
    private OutputStream out;

    NdjsonSink(HttpServletResponse response) {
      this.response = response;
    }

    @Override
    public void begin(long recordCount) {
      response.setStatus(HttpStatus.OK.value());
      response.setContentType(NDJSON);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.setHeader(RECORD_COUNT_HEADER, Long.toString(recordCount));
      response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
      try {
        out = response.getOutputStream();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void write(GovernedReading reading) {
      try {
        out.write(ContractJson.mapper().writeValueAsBytes(reading));
        out.write(NEWLINE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
