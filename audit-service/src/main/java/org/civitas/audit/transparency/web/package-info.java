/** The public transparency report endpoint, the dashboard page and its auditor view. */
package org.civitas.audit.transparency.web;
