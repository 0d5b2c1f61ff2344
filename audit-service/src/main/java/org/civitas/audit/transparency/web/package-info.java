/** The public transparency report endpoint and the dashboard page. */
package org.civitas.audit.transparency.web;
