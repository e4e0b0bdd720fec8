package dev.strata.archfixtures.misnamedadapter.ports.driven;

public interface ModelCatalog {
  String find(String id);
}
