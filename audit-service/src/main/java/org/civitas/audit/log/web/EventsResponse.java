package org.civitas.audit.log.web;

import java.util.List;

/** A page of the event listing. */
record EventsResponse(List<EventItem> items, int page, int size, long total) {}
