/** HTTP plumbing the audit service's web adapters share: parameter checks and audited reads. */
package org.civitas.audit.web;
