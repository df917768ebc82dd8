package bt.druk.registry.interfaces.rest;

/**
 * A refusal the API itself decides (bad JSON, no credentials, nothing found), answered by
 * {@link ApiExceptionMapper} as a problem document with this status and detail.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final long retryAfterSeconds;

    public ApiProblem(int status, String detail) {
        this(status, detail, 0);
    }

    private ApiProblem(int status, String detail, long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    /** For a 429: whole seconds until the client may ask again; 0 for any other problem. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static ApiProblem tooManyRequests(long retryAfterSeconds) {
        return new ApiProblem(429, "Too many requests from your address; try again in " + retryAfterSeconds + " s",
                retryAfterSeconds);
    }

    static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, detail);
    }

    static ApiProblem unauthorized() {
        return new ApiProblem(401, "Sign in with HTTP Basic: a staff user name and password");
    }

    static ApiProblem notFound(String detail) {
        return new ApiProblem(404, detail);
    }
}
