package dev.strata.domain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;
import org.immutables.value.Value.Style.ImplementationVisibility;

/**
 * The one Immutables style of Strata's value objects, applied to the whole domain package.
 *
 * <p>Value types are abstract classes with forwarding factories ({@code of}, {@code parse},
 * {@code builder}) typed as the abstract class, so the generated {@code Immutable*} classes, which
 * are package-private, never appear in the API. Withers stay inside the package: an aggregate
 * changes only through its own rule methods.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS) // class retention: enough for the processor, keeps incremental builds honest
@Value.Style(
    visibility = ImplementationVisibility.PACKAGE, // Immutable* stays package-private; callers use the abstract type
    allParameters = true, // of(..) takes every attribute in declaration order: values are tuples first
    strictBuilder = true, // a builder attribute may be set once: no silent overwrite
    jdkOnly = true, // generated code uses JDK collections only, no Guava on the classpath
    throwForInvalidImmutableState = InvariantViolation.class) // a missing attribute is a bug, thrown as one
public @interface StrataStyle {}
