/**
 * AWS adapters: the driven ports on the AWS SDK for Java v2. No SDK exception crosses a port:
 * every call is wrapped and mapped to a {@link dev.strata.domain.BedrockError}.
 *
 * <p>Depends on the ports, the domain and the AWS SDK only.
 */
package dev.strata.adapters.aws;
