/** Reading governed data (CONTRACT §8): records, aggregates and exports, always with a purpose. */
package org.civitas.cli.access;
