/**
 * The command-line verifier: checks a downloaded or exported audit log against a signed tree head
 * using only the JDK and Jackson, never the service's own code paths at run time beyond the shared
 * hashing and canonicalization rules.
 */
package org.civitas.audit.verify;
