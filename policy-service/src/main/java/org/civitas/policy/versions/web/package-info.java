/** HTTP endpoints for reading and publishing policy versions (CONTRACT §6). */
package org.civitas.policy.versions.web;
