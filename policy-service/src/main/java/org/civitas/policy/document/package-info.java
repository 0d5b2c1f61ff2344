/** The policy document of CONTRACT §6: its records, parsing from YAML or JSON, and validation. */
package org.civitas.policy.document;
