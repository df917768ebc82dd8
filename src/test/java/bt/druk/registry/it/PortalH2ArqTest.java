package bt.druk.registry.it;

import bt.druk.registry.testing.PortalHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The scenarios on the default embedded H2 file database (DRUK_DATA_DIR set by failsafe). */
@ExtendWith(ArquillianExtension.class)
class PortalH2ArqTest extends PortalScenarios {

    @ArquillianResource
    URL portal;

    @Deployment
    static WebArchive deployment() {
        return Deployments.withFakeLedger(PortalH2ArqTest.class, CommitFailingResource.class, CommitFailingResource.Save.class);
    }

    @Test
    @RunAsClient
    void aSaveWhoseCommitFailsIsAnsweredAsUnconfirmedNotWithTheContainersErrorPage() throws Exception {
        HttpResponse<String> answer = PortalHttp.builder().build().send(HttpRequest.newBuilder(
                        URI.create(portal + "api/test/commit-failure")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("5", answer.headers().firstValue("Retry-After").orElse(""));
        assertTrue(answer.body().contains("could not be confirmed. Read the record before trying again"), answer.body());
    }
}
