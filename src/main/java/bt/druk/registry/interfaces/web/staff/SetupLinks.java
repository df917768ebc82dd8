package bt.druk.registry.interfaces.web.staff;

import bt.druk.registry.application.staff.StaffAccountService.SetupLink;
import bt.druk.registry.interfaces.web.certificate.PublicBaseUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The address a set-up link's holder opens: {@code <base URL>/account/setup.xhtml?token=…}, on the
 * portal's public address ({@code druk.public.base-url}, as the certificates' QR codes), since the
 * administrator hands it to someone outside this browser.
 */
@ApplicationScoped
public class SetupLinks {

    /** The set-up page, public (web.xml), never cached and never a referrer (SecurityHeadersFilter). */
    public static final String PAGE = "/account/setup.xhtml";

    /** A link as the administrator's page shows it, once. */
    public record Shown(String username, String url, Instant expiresAt, boolean factorOnly) implements Serializable {

        /** Never the address, which holds the token: records print their fields. */
        @Override
        public String toString() {
            return "Shown[" + username + ", until " + expiresAt + "]";
        }
    }

    @Inject
    HttpServletRequest request;

    public Shown shown(SetupLink link) {
        return new Shown(link.username(), url(PublicBaseUrl.of(request), link.token()), link.expiresAt(),
                link.purpose() == bt.druk.registry.domain.staff.SetupGrant.Purpose.FACTOR);
    }

    static String url(String baseUrl, String token) {
        return baseUrl + PAGE + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
