/**
 * Strata in a JUnit 5 test: {@link dev.strata.junit.StrataTest} on a test class, or a {@link
 * dev.strata.junit.StrataExtension} registered with {@code @RegisterExtension}.
 */
package dev.strata.junit;
