/**
 * Command-line arguments: parsing, typed access, and usage errors that say what to type instead.
 */
package org.civitas.load.cli;
