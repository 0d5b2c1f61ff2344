/** HTTP adapter of the ingest endpoint {@code POST /api/v1/ingest/readings}. */
package org.civitas.ingest.reading.web;
