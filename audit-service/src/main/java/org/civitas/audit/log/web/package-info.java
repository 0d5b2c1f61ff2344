/** HTTP reads of the audit log for auditors; every read is itself audited. */
package org.civitas.audit.log.web;
