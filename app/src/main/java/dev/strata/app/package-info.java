/**
 * The composition root ({@code wiring}), the command line ({@code cli}) and the Bedrock-compatible
 * HTTP server ({@code server}). The only code in app that names adapter classes is in {@code
 * wiring}, which also builds the server's authentication and its clock.
 */
package dev.strata.app;
