/** PostgreSQL plumbing shared by the features that write in bulk. */
package org.civitas.audit.storage;
