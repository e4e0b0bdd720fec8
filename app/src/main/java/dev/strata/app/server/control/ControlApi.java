package dev.strata.app.server.control;

import dev.strata.app.server.ControlEndpoint;
import dev.strata.ports.driving.StrataControl;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The control API a {@link StrataControl} serves under {@code /_strata/}: {@code health}, {@code
 * clock}, {@code reset}, {@code transitions}, {@code faults}, {@code quotas}, {@code
 * custom-models} and {@code state}. A path under the prefix that names none of them, or a method a
 * resource does not have, is answered 404 {@code UnknownOperationException} by the server.
 */
public final class ControlApi implements ControlEndpoint {
  private final List<ControlResource> resources;

  private ControlApi(List<ControlResource> resources) {
    this.resources = List.copyOf(resources);
  }

  /** Every control resource, over {@code control}. */
  public static ControlApi of(StrataControl control) {
    Objects.requireNonNull(control, "control");
    return new ControlApi(
        List.of(
            new HealthResource(control),
            new ClockResource(control.clock()),
            new ResetResource(control),
            new TransitionsResource(),
            new FaultsResource(control.faults()),
            new QuotasResource(control.quotas()),
            new CustomModelsResource(control.customModels()),
            new StateResource(control.state())));
  }

  @Override
  public boolean claims(String rawPath) {
    return rawPath.startsWith(PREFIX) || rawPath.equals(PREFIX.substring(0, PREFIX.length() - 1));
  }

  @Override
  public Optional<Operation> operation(String method, String rawPath) {
    if (!rawPath.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String path = rawPath.substring(PREFIX.length());
    return resources.stream()
        .filter(resource -> resource.path().equals(path))
        .flatMap(resource -> resource.operations().stream())
        .filter(operation -> operation.method().equals(method))
        .<Operation>map(operation -> operation)
        .findFirst();
  }
}
