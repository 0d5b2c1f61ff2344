/** HTTP endpoints for legal holds and on-demand retention sweeps (CONTRACT §9). */
package org.civitas.policy.retention.web;
