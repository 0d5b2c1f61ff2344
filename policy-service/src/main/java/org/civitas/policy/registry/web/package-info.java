/** HTTP edge of the sensor registry: staff management API and the public registry. */
package org.civitas.policy.registry.web;
