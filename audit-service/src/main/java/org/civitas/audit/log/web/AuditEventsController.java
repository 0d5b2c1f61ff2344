package org.civitas.audit.log.web;

import static org.civitas.audit.web.QueryParameters.inRange;
import static org.civitas.audit.web.QueryParameters.instant;
import static org.civitas.audit.web.QueryParameters.invalid;
import static org.civitas.audit.web.QueryParameters.text;

import java.time.Instant;
import java.util.List;
import org.civitas.audit.log.EventPage;
import org.civitas.audit.log.EventQuery;
import org.civitas.audit.log.LoggedEvent;
import org.civitas.audit.log.LoggedEvents;
import org.civitas.audit.web.AuditedReads;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log for auditors (CONTRACT §7.2). The read is recorded as an {@code AUDIT_LOG_READ}
 * event, acknowledged by Kafka, before any event is returned.
 */
@RestController
@RequestMapping("/api/v1/audit/events")
class AuditEventsController {

  static final int MAX_PAGE_SIZE = 1000;
  static final int MAX_RANGE = 10_000;

  private final LoggedEvents events;
  private final AuditedReads audited;

  AuditEventsController(LoggedEvents events, AuditedReads audited) {
    this.events = events;
    this.audited = audited;
  }

  @GetMapping
  EventsResponse list(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String purpose,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size,
      Authentication caller) {
    Instant fromInstant = instant("from", from);
    Instant toInstant = instant("to", to);
    inRange("page", page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
    inRange("size", size, 1, MAX_PAGE_SIZE);
    EventPage result =
        events.find(
            new EventQuery(
                fromInstant, toInstant, text(action), text(actor), text(purpose), page, size));
    audited.record(
        caller,
        AuditedReads.EVENTS,
        string(fromInstant),
        string(toInstant),
        (long) result.items().size());
    return new EventsResponse(
        result.items().stream().map(EventItem::of).toList(),
        result.page(),
        result.size(),
        result.total());
  }

  @GetMapping("/range")
  RangeResponse range(@RequestParam long start, @RequestParam long end, Authentication caller) {
    inRange("start", start, 0, Long.MAX_VALUE);
    if (end < start) {
      throw invalid("end", "out_of_range", "must not be less than start");
    }
    if (end - start > MAX_RANGE) {
      throw invalid("end", "out_of_range", "at most " + MAX_RANGE + " leaves per request");
    }
    List<LoggedEvent> leaves = events.range(start, end);
    audited.record(caller, AuditedReads.EVENTS, null, null, (long) leaves.size());
    return new RangeResponse(start, end, leaves.stream().map(EventItem::of).toList());
  }

  private static String string(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
