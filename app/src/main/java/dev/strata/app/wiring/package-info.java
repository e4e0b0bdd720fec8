/**
 * What the CLI and the HTTP endpoint add to the composition root ({@link
 * dev.strata.composition.Wiring}, in strata-composition): the endpoint's authentication and the JSON
 * state documents of {@code import} and {@code export}. With {@code dev.strata.composition}, the
 * only code of app's modules that names adapter classes; everything else in the app talks to the
 * {@link dev.strata.ports.driving.Strata} port.
 */
package dev.strata.app.wiring;
