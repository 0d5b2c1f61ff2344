/** Human-readable output: tables, JSON shown as text, progress bars. */
package org.civitas.cli.output;
