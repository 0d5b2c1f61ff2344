/**
 * Minimization: a policy version compiled once into plain transformers, applied to every raw
 * reading to produce the governed reading that may be stored, or a refusal.
 */
package org.civitas.policy.minimization;
