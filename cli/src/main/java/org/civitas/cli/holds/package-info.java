/** Legal holds (CONTRACT §9): keep readings past retention while a case needs them. */
package org.civitas.cli.holds;
