package dev.strata.domain;

/** Constraints of the catalog operations' request members, verbatim from the service model. */
public final class CatalogShapes {
  /** Shape {@code GetFoundationModelIdentifier}: a foundation-model ARN or id, 1..2048. */
  public static final int FOUNDATION_MODEL_IDENTIFIER_MIN_LENGTH = 1;

  public static final int FOUNDATION_MODEL_IDENTIFIER_MAX_LENGTH = 2048;
  public static final String FOUNDATION_MODEL_IDENTIFIER_PATTERN =
      "^(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}::foundation-model/[a-z0-9-]{1,63}[.]{1}([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2})|([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.]?[a-z0-9-]{1,63})([:][a-z0-9-]{1,63}){0,2})$";

  /** Shape {@code Provider}. */
  public static final String PROVIDER_PATTERN = "^[A-Za-z0-9- ]{1,63}$";

  /** Shape {@code CustomModelName}, 1..63. */
  public static final int CUSTOM_MODEL_NAME_MIN_LENGTH = 1;

  public static final int CUSTOM_MODEL_NAME_MAX_LENGTH = 63;
  public static final String CUSTOM_MODEL_NAME_PATTERN = "^([0-9a-zA-Z][_-]?){1,63}$";

  private CatalogShapes() {}
}
