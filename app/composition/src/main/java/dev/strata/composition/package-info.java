/**
 * The composition root: {@link dev.strata.composition.StrataSettings} reads Strata's configuration
 * keys ({@link dev.strata.composition.ConfigurationKeys}, one precedence and one set of messages for
 * the CLI, {@code serve}, plain Java and Spring Boot), {@link dev.strata.composition.Wiring} builds
 * the Strata they describe. The only package besides the adapters' own that names adapter classes;
 * the AWS ones only in {@code AwsWiring}, loaded when an {@code aws} adapter is chosen.
 */
package dev.strata.composition;
