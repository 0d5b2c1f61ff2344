package org.civitas.audit.transparency;

/** One cell of the daily rollup: how many events fell in it and the sum of their record counts. */
record RollupCell(RollupKey key, long events, long recordCount) {}
