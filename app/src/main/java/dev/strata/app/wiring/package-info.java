/**
 * The composition root: {@link dev.strata.app.wiring.StrataConfiguration} says what a Strata should
 * be, {@link dev.strata.app.wiring.Wiring} builds it. This is the only package that names adapter
 * classes; everything else in the app talks to the {@link dev.strata.ports.driving.Strata} port.
 */
package dev.strata.app.wiring;
