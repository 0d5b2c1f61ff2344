package org.civitas.audit.log;

/** What one append did: events appended, duplicates skipped, records dead-lettered. */
record AppendResult(int appended, int duplicates, int deadLettered, long treeSize) {}
