package dev.strata.app.server;

/**
 * What an operation reads from one request: its decoded URI label ({@code null} for operations
 * without one), its querystring and its JSON body (empty for operations without one).
 */
record WireRequest(String label, QueryString query, JsonBody body) {}
