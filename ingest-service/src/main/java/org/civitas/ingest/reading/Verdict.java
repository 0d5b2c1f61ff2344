package org.civitas.ingest.reading;

/** What validation made of one reading: taken ({@link ValidReading}) or not ({@link Rejection}). */
sealed interface Verdict permits ValidReading, Rejection {}
