package dev.strata.archfixtures.adapterleak.adapters.aws;

public final class AwsHelper {
  public String arn() {
    return "arn:aws:bedrock";
  }
}
