/** Parsing, validating, de-duplicating and publishing vendors' readings (CONTRACT §4.1, §4.2). */
package org.civitas.ingest.reading;
