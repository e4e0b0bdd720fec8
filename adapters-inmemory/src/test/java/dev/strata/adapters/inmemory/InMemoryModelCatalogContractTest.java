package dev.strata.adapters.inmemory;

import dev.strata.domain.CustomModel;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.contract.ModelCatalogContract;
import dev.strata.ports.driven.ModelCatalog;
import io.vavr.collection.Seq;

class InMemoryModelCatalogContractTest extends ModelCatalogContract {

  @Override
  protected ModelCatalog catalogWith(
      ResourceScope scope, Seq<FoundationModel> foundationModels, Seq<CustomModel> customModels) {
    InMemoryModelCatalog catalog = new InMemoryModelCatalog();
    foundationModels.forEach(catalog::addFoundationModel);
    customModels.forEach(catalog::addCustomModel);
    return catalog;
  }
}
