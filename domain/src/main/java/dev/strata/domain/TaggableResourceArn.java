package dev.strata.domain;

/**
 * The constraints of the {@code resourceARN} member of the tag operations. Shape {@code
 * TaggableResourcesArn}, whose pattern admits every taggable Bedrock resource; Strata stores tags of
 * provisioned throughputs only, so any other ARN that matches it names nothing Strata knows.
 */
public final class TaggableResourceArn {
  public static final int MIN_LENGTH = 20;
  public static final int MAX_LENGTH = 1011;

  /** The Smithy pattern, verbatim; every alternative is anchored on both sides. */
  public static final String PATTERN =
      "(^[a-zA-Z0-9][a-zA-Z0-9\\-]*$)|(^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:custom-model/(imported)/[a-z0-9]{12}$)|(^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:([0-9]{12}|)((:(fine-tuning-job|model-customization-job|custom-model)/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2}(/[a-z0-9]{12})$)|(:guardrail/[a-z0-9]+$)|(:automated-reasoning-policy/[a-zA-Z0-9]+(:[a-zA-Z0-9]+)?$)|(:(inference-profile|application-inference-profile)/[a-zA-Z0-9-:.]+$)|(:(provisioned-model|model-invocation-job|model-evaluation-job|evaluation-job|model-import-job|imported-model|async-invoke|provisioned-model-v2|provisioned-model-reservation|prompt-router|custom-model-deployment)/[a-z0-9]{12}$)))";

  private TaggableResourceArn() {}
}
