/** Plumbing every Civitas service shares; each sub-package is auto-configured. */
package org.civitas.kit;
