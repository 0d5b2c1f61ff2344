/** Inclusion and consistency proofs for auditors; every read is itself audited. */
package org.civitas.audit.merkle.web;
