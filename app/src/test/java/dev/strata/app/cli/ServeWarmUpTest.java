package dev.strata.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.ListProvisionedModelThroughputsCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServeWarmUpTest {
  @Test
  void the_warm_up_prepares_the_command_of_every_operation_of_the_driving_port() {
    List<Class<?>> commands = ServeWarmUp.commands();

    assertTrue(commands.contains(ListProvisionedModelThroughputsCommand.class), commands::toString);
    assertTrue(commands.contains(CreateProvisionedModelThroughputCommand.class), commands::toString);
    assertEquals(12, commands.size(), commands::toString);
    assertTrue(commands.stream().allMatch(Class::isRecord), commands::toString);
  }
}
