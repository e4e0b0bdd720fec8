/**
 * The composition root ({@code wiring}), the command line ({@code cli}) and, later, the
 * Bedrock-compatible HTTP server. The only code that names adapter classes is in {@code wiring}.
 */
package dev.strata.app;
