/**
 * Pseudonymization keys: generated per category and rotation period, kept in their own database
 * apart from the governed data, cached in memory, and destroyed once their period (plus grace) is
 * over.
 */
package org.civitas.policy.pseudonym;
