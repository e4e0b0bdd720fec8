/**
 * The application layer: one use case per operation family (purchase, change, retire, tagging,
 * listing, catalog) behind the one {@link dev.strata.ports.driving.Strata} facade, {@link
 * dev.strata.ports.application.StrataService}. Use cases take commands the facade has validated,
 * and return every expected failure as a {@code BedrockError}.
 */
package dev.strata.ports.application;
