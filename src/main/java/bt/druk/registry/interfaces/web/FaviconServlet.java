package bt.druk.registry.interfaces.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sends {@code /favicon.ico} to the portal's one icon, {@code favicon.svg}. The pages link that icon,
 * but a browser showing something that is not a page (the API's JSON, a PDF certificate, a proof
 * file) asks for {@code /favicon.ico} and would log a 404 each time.
 */
@WebServlet(urlPatterns = "/favicon.ico")
public class FaviconServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", request.getContextPath() + "/favicon.svg");
        response.setHeader("Cache-Control", "public, max-age=86400");
    }
}
