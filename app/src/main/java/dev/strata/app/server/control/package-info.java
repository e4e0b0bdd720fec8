/**
 * The HTTP control API under {@code /_strata/}: one class per resource ({@code health}, {@code
 * clock}, {@code reset}, ...), each a thin adapter over {@link dev.strata.ports.driving.StrataControl}
 * or the acting {@link dev.strata.ports.driving.Strata}, declaring for every method what it reaches
 * ({@link dev.strata.app.server.control.Reach}), from which {@link
 * dev.strata.app.server.control.ControlAccess} decides who may call it.
 */
package dev.strata.app.server.control;
