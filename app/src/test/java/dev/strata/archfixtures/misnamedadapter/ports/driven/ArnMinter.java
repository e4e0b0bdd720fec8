package dev.strata.archfixtures.misnamedadapter.ports.driven;

public interface ArnMinter {
  String mint();
}
