package dev.strata.domain;

/**
 * The paging constants of ListProvisionedModelThroughputs: shape {@code MaxResults} (1..1000) and
 * shape {@code PaginationToken} (1..2048 non-space characters). D16: the default page, when {@code
 * maxResults} is absent, is the maximum.
 */
public final class ListLimits {
  public static final int MIN_RESULTS = 1;
  public static final int MAX_RESULTS = 1000;
  public static final int DEFAULT_RESULTS = MAX_RESULTS;

  public static final int TOKEN_MIN_LENGTH = 1;
  public static final int TOKEN_MAX_LENGTH = 2048;
  public static final String TOKEN_PATTERN = "^\\S*$";

  private ListLimits() {}
}
