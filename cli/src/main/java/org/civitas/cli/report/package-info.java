/** The public transparency report (CONTRACT §7.3), as text, JSON or CSV. */
package org.civitas.cli.report;
