/** HTTP endpoint for reading governed data (CONTRACT §8). */
package org.civitas.policy.access.web;
