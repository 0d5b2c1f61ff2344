/** The {@code civitas} command-line tool: the root command and its entry point. */
package org.civitas.cli;
