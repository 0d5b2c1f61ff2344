/**
 * Talking to the platform through the gateway: requests, answers, and errors turned into failures.
 */
package org.civitas.cli.platform;
