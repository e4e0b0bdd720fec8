package dev.strata.app.server;

import dev.strata.domain.BedrockError;

/**
 * The one failure channel of the HTTP edge: Strata's answer was an error, or the HTTP layer refused
 * the request before it reached Strata. Either way it is a value, answered by {@link #reply()};
 * only a bug is thrown, and answered as a generic 500.
 */
sealed interface Refusal permits Refusal.OfStrata, WireRefusal {

  /** The error reply this refusal is answered with. */
  Reply reply();

  /** A refusal of Strata's, answered as the Bedrock error shape it names. */
  record OfStrata(BedrockError error) implements Refusal {
    @Override
    public Reply reply() {
      return Reply.error(error);
    }
  }

  /** An unexpected exception: a generic 500 that says nothing about its cause. */
  static Refusal internalError() {
    return new OfStrata(new BedrockError.InternalServerError(Reply.INTERNAL_ERROR_MESSAGE));
  }
}
