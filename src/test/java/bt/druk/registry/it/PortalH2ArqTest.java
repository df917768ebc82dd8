package bt.druk.registry.it;

import bt.druk.registry.domain.staff.PasswordHasher;
import bt.druk.registry.testing.PortalHttp;
import jakarta.inject.Inject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
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

    @Inject
    PasswordHasher passwords;

    /**
     * New hashes take the rounds of druk.password.iterations (1,024 in the test servers: failsafe sets
     * DRUK_PASSWORD_ITERATIONS), and a hash of the default 210,000 rounds, made here by the JDK itself,
     * still verifies: each hash names its own rounds.
     */
    @Test
    void passwordHashesTakeTheConfiguredRoundsAndEachVerifiesWithItsOwn() throws Exception {
        char[] password = "Tashi-Delek-2026".toCharArray();
        String made = passwords.hash(password);
        assertTrue(made.startsWith("PBKDF2WithHmacSHA512:1024:"), made);
        assertTrue(passwords.verify(password, made));

        byte[] salt = "a salt of thirty-two bytes long!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(password, salt, 210_000, 512)).getEncoded();
        String stored = "PBKDF2WithHmacSHA512:210000:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
        assertTrue(passwords.verify(password, stored), "a hash of 210,000 rounds verifies");
        assertFalse(passwords.verify("Tashi-Delek-2025".toCharArray(), stored), "not with another password");
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
