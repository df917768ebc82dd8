package bt.druk.registry.interfaces.web.certificate;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.Config;

/**
 * The portal's public address for links printed on PDFs (QR codes, "verify at"):
 * {@code druk.public.base-url} when set (behind a proxy), else the request's scheme, host, port and
 * context path. Never ends with a slash.
 */
public final class PublicBaseUrl {

    private PublicBaseUrl() {
    }

    public static String of(HttpServletRequest request, Config config) {
        String base = config.getOptionalValue("druk.public.base-url", String.class).orElse(null);
        if (base == null || base.isBlank()) {
            StringBuilder b = new StringBuilder().append(request.getScheme()).append("://").append(request.getServerName());
            int port = request.getServerPort();
            boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
                    || ("https".equals(request.getScheme()) && port == 443);
            if (!defaultPort) {
                b.append(':').append(port);
            }
            base = b.append(request.getContextPath()).toString();
        }
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
