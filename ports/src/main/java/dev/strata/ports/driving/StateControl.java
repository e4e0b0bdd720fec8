package dev.strata.ports.driving;

import dev.strata.domain.BedrockError;
import io.vavr.control.Either;

/**
 * The whole state of a Strata as one {@link SavedState}: every provisioned throughput of every
 * account and region, with its tags, token, pending transition and quota charge, and the seeded
 * ARN minter's position (D17). A test exports it after building a scenario and imports it to start
 * another test from there. Held where Strata can read all of it at once: in memory or in the
 * {@code --state} file; where it is not (a DynamoDB table), both are a {@code ValidationException}
 * that says where it lives. Thread-safe.
 */
public interface StateControl {

  /** Everything held now; the provisioned throughputs by account and region, then oldest first. */
  Either<BedrockError, SavedState> export();

  /**
   * Replaces everything held by {@code state}, all or nothing: a document whose provisioned
   * throughputs clash (an ARN, or within one account and region a name or client request token,
   * held twice) is a {@code ValidationException} naming them, and changes nothing. The quota units
   * they hold are held again, even above a limit (as when a limit is lowered below usage), and the
   * minter moves on to at least {@code state}'s position, never back, so no id is minted twice.
   * The service clock, faults, limits and registered custom models stay as they are.
   */
  Either<BedrockError, Replaced> replace(SavedState state);

  /**
   * What {@link #replace} did.
   *
   * @param removed how many provisioned throughputs were held before and are gone
   * @param imported how many the document held and are now held
   * @param idsMinted the minter's position now
   */
  record Replaced(int removed, int imported, long idsMinted) {}
}
