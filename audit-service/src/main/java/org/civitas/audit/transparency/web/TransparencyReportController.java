package org.civitas.audit.transparency.web;

import java.nio.charset.StandardCharsets;
import org.civitas.audit.transparency.ReportRange;
import org.civitas.audit.transparency.TransparencyReports;
import org.civitas.audit.web.QueryParameters;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public transparency report (CONTRACT §7.3): signed JSON, or CSV with {@code Accept: text/csv}
 * (or {@code format=csv}, for plain download links).
 */
@RestController
class TransparencyReportController {

  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final TransparencyReports reports;

  TransparencyReportController(TransparencyReports reports) {
    this.reports = reports;
  }

  @GetMapping("/api/v1/transparency/report")
  ResponseEntity<byte[]> report(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    ReportRange range;
    try {
      range = ReportRange.parse(from, to, reports.clock());
    } catch (ReportRange.InvalidRange e) {
      throw QueryParameters.invalid(e.parameter(), e.code(), e.getMessage());
    }
    boolean csv =
        "csv".equalsIgnoreCase(format)
            || (format == null && accept != null && accept.toLowerCase().contains("text/csv"));
    if (csv) {
      return ResponseEntity.ok()
          .contentType(TEXT_CSV)
          .cacheControl(CacheControl.noCache())
          .header(
              HttpHeaders.CONTENT_DISPOSITION,
              "inline; filename=\"transparency-report-"
                  + range.from()
                  + "-"
                  + range.to()
                  + ".csv\"")
          .body(reports.csv(range).getBytes(StandardCharsets.UTF_8));
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .cacheControl(CacheControl.noCache())
        .body(reports.signedJson(range));
  }
}
