/**
 * Fault tests: the running platform under kills and restarts, checked for loss, duplicates and
 * audit gaps.
 */
package org.civitas.faults;
