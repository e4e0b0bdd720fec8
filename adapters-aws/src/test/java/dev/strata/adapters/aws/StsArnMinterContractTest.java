package dev.strata.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.contract.ArnMinterContract;
import dev.strata.ports.driven.ArnMinter;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ARN minter contract against {@link StsArnMinter}, with STS played by WireMock:
 * GetCallerIdentity signed for the home scope's region answers the home scope's account. (STS
 * requests go to the endpoint's root whatever its path, so minters are told apart by the region in
 * their SigV4 credential scope.)
 */
class StsArnMinterContractTest extends ArnMinterContract {

  @RegisterExtension static WireMockExtension sts = AwsClientsStandIn.server();

  @AutoClose private final AwsClientsStandIn.Opened opened = new AwsClientsStandIn.Opened();

  @Override
  protected ArnMinter minterFor(ResourceScope home) {
    sts.stubFor(
        post(urlEqualTo("/"))
            .withHeader("Authorization", containing("/" + home.region() + "/sts/aws4_request"))
            .withRequestBody(containing("Action=GetCallerIdentity"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        AwsClientsStandIn.resource("sts/get-caller-identity.xml")
                            .replace("123456789012", home.account().value()))));
    return new StsArnMinter(
        opened.add(AwsClientsStandIn.clients(sts, home.region().value()).sts()));
  }
}
