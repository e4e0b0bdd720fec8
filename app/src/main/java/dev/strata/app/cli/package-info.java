/**
 * The {@code strata} command line: Bedrock's provisioned-throughput operations on a Strata built by
 * {@link dev.strata.composition.Wiring}, with the options, output and exit codes of the AWS CLI's
 * {@code aws bedrock} commands.
 */
package dev.strata.app.cli;
