package org.civitas.audit.log;

import java.util.List;

/** One page of logged events in leaf order, with the number of events matching in total. */
public record EventPage(List<LoggedEvent> items, int page, int size, long total) {}
