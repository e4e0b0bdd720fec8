/**
 * A miniature Strata that keeps every rule: each rule must pass here, so none is broader than the
 * architecture it states. Its aws adapter and its Immutables-generated class use libraries app's
 * tests don't have; they are compiled at test time from {@link dev.strata.archfixtures.CompiledFixtures}.
 */
package dev.strata.archfixtures.good;
