package org.civitas.policy.access;

import java.util.List;
import org.civitas.contract.reading.GovernedReading;

/** One page of governed readings; {@code nextCursor} is null on the last page. */
public record ReadingPage(List<GovernedReading> items, String nextCursor) {}
