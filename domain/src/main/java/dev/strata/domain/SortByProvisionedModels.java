package dev.strata.domain;

/** What ListProvisionedModelThroughputs sorts by. Shape {@code SortByProvisionedModels}. */
public enum SortByProvisionedModels {
  CreationTime
}
