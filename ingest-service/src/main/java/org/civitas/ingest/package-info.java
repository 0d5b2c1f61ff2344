/** Ingest service: the one way vendors' readings enter the platform. */
package org.civitas.ingest;
