package bt.druk.registry.interfaces.web.operations;

import bt.druk.registry.infrastructure.config.OperatorSecret;
import bt.druk.registry.infrastructure.persistence.OnlineBackup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /operations/backup} with {@code Authorization: Bearer <operator secret>}: an online
 * backup of the embedded database (deploy/backup.sh calls it). Answers JSON: 200 with the backup's
 * file, size and start time; 401 without the operator secret; 409 when the database is PostgreSQL
 * (pg_dump backs it up); 503 when the backup failed, with the reason.
 */
@WebServlet(urlPatterns = "/operations/backup")
public class BackupServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(BackupServlet.class.getName());
    private static final String BEARER = "Bearer ";

    @Inject
    OnlineBackup backup;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String authorization = request.getHeader("Authorization");
        String presented = authorization != null && authorization.startsWith(BEARER) ? authorization.substring(BEARER.length()) : null;
        // Asked even without a secret presented: the first request makes the secret the operator then reads.
        if (!OperatorSecret.ofDataDir().matches(presented)) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"operations\"");
            answer(response, HttpServletResponse.SC_UNAUTHORIZED, "error", "the operator secret (operator.secret in the portal's data folder) is required");
            return;
        }
        try {
            OnlineBackup.BackupFile file = backup.take();
            LOG.info(() -> "operations: online backup " + file.file() + " (" + file.bytes() + " bytes)");
            answer(response, HttpServletResponse.SC_OK, Json.createObjectBuilder().add("file", file.file().toString())
                    .add("bytes", file.bytes()).add("startedAt", file.startedAt().toString()).add("database", "h2").build().toString());
        } catch (OnlineBackup.NotEmbedded e) {
            answer(response, HttpServletResponse.SC_CONFLICT, "error", e.getMessage());
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "operations: the online backup failed", e);
            answer(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "error", "the backup failed: " + e.getMessage());
        }
    }

    private static void answer(HttpServletResponse response, int status, String key, String message) throws IOException {
        answer(response, status, Json.createObjectBuilder().add(key, message).build().toString());
    }

    private static void answer(HttpServletResponse response, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
