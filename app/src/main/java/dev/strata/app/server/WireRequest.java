package dev.strata.app.server;

import dev.strata.ports.driving.Strata;

/**
 * What an operation reads from one request: the Strata acting for its caller, its decoded URI
 * label ({@code ""} for operations without one), its querystring and its JSON body (empty for
 * operations without one).
 */
record WireRequest(Strata strata, String label, QueryString query, JsonBody body) {}
