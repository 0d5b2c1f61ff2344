package org.civitas.audit.log.web;

import java.util.List;

/** Leaves {@code start <= leafIndex < end} that exist, in order. */
record RangeResponse(long start, long end, List<EventItem> items) {}
