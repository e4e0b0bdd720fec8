package dev.strata.app.cli;

import picocli.CommandLine.Option;

/** The identifying options that several commands share, as the AWS CLI spells them. */
final class Identifiers {
  private Identifiers() {}

  /** {@code --provisioned-model-id} of Get, Update and Delete. */
  static final class ProvisionedModelId {
    @Option(
        names = "--provisioned-model-id",
        required = true,
        paramLabel = "<string>",
        description = "The provisioned throughput's name or ARN.")
    String value;
  }

  /** {@code --resource-arn} of the tag commands. */
  static final class ResourceArn {
    @Option(
        names = "--resource-arn",
        required = true,
        paramLabel = "<string>",
        description = "The ARN of the provisioned throughput.")
    String value;
  }
}
