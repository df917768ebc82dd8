package bt.druk.registry.interfaces.rest;

/**
 * A refusal the API itself decides (bad JSON, no credentials, nothing found), answered by
 * {@link ApiExceptionMapper} as a problem document with this status and detail.
 */
public class ApiProblem extends RuntimeException {

    private final int status;

    public ApiProblem(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
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
