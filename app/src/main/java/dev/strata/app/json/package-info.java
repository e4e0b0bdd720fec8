/** Plain trees as JSON, for the state file and the wire shapes alike. */
package dev.strata.app.json;
