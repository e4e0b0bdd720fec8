package dev.strata.app.server.control;

import java.util.List;

/** One control resource: the path under {@code /_strata/} it is served on, and its methods. */
interface ControlResource {
  /** The path below the control prefix, e.g. {@code clock}. */
  String path();

  List<ControlOperation> operations();
}
