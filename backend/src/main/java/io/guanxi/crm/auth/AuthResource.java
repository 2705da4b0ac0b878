package io.guanxi.crm.auth;

import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/auth")
@Tag(name = ApiTags.AUTH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** The web app's refresh token: HttpOnly, SameSite=Strict, sent only to these endpoints. */
    public static final String REFRESH_COOKIE = "guanxi_refresh";
    static final String COOKIE_PATH = "/api/v1/auth";
    /**
     * Cookie-authenticated calls must carry this header: a page of another origin cannot add it
     * without a CORS preflight this service never grants, so it guards against CSRF beside SameSite.
     */
    public static final String CSRF_HEADER = "X-Requested-With";

    private static final String SET_COOKIE_DESCRIPTION = REFRESH_COOKIE + "=<refresh token>; Path=" + COOKIE_PATH
            + "; HttpOnly; Secure; SameSite=Strict; Max-Age=<seconds until the absolute timeout>";

    @Inject
    TokenService tokens;

    @Inject
    SessionService sessions;

    @Inject
    GuanxiConfig config;

    @POST
    @Path("/token")
    @PermitAll
    @Operation(summary = "Sign in (integrators)",
            description = "Exchanges username and password for a bearer token (RS256 JWT), for integrators and "
                    + "scripts. Wrong credentials answer 401 without saying which part was wrong; repeated failures "
                    + "for a username or from one address answer 429 with Retry-After. A role change, password "
                    + "reset or deactivation voids the token on its next request. In Swagger UI, paste the "
                    + "access_token into \"Authorize\".")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "demo sales rep", value = """
            {"username": "rep.zhang", "password": "demo1234"}""")))
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "429", description = "Too many failed attempts; see Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER)),
            content = @Content(mediaType = "application/problem+json"))
    public TokenResponse signIn(@Valid @NotNull TokenRequest request, @Context HttpServerRequest http) {
        return tokens.issue(request, addressOf(http));
    }

    @POST
    @Path("/session")
    @PermitAll
    @Operation(summary = "Sign in to the web app",
            description = "Opens a web session: a short access token in the body (keep it in memory) and a rotating "
                    + "refresh token in an HttpOnly, SameSite=Strict cookie scoped to /api/v1/auth. Needs the "
                    + "X-Requested-With header. Same credential checks and throttling as /auth/token.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "demo sales rep", value = """
            {"username": "rep.zhang", "password": "demo1234"}""")))
    @APIResponse(responseCode = "200", description = "Signed in; the cookie carries the refresh token",
            headers = @Header(name = "Set-Cookie", description = SET_COOKIE_DESCRIPTION, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "403", description = "The X-Requested-With header is missing",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "429", description = "Too many failed attempts; see Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER)),
            content = @Content(mediaType = "application/problem+json"))
    public Response startSession(@Valid @NotNull TokenRequest request, @Context HttpServerRequest http,
            @Parameter(in = ParameterIn.HEADER, required = true, description = "Any value, e.g. XMLHttpRequest (CSRF guard)")
            @HeaderParam(CSRF_HEADER) String requestedWith,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        requireCsrfHeader(requestedWith);
        return issued(sessions.signIn(request, addressOf(http), userAgent));
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Renew the web app's access token",
            description = "Exchanges the refresh token cookie for a new access token and a new refresh token (the "
                    + "old one is spent). Presenting a spent refresh token again ends the whole session. Sessions "
                    + "end after the idle timeout (default 8 h without a refresh) and the absolute one (default 7 "
                    + "days). Needs the X-Requested-With header.")
    @APIResponse(responseCode = "200", description = "Renewed; the cookie carries the next refresh token",
            headers = @Header(name = "Set-Cookie", description = SET_COOKIE_DESCRIPTION, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "No, an unknown or a spent refresh token, or the session ended: sign in again",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "The X-Requested-With header is missing",
            content = @Content(mediaType = "application/problem+json"))
    public Response refreshSession(
            @Parameter(in = ParameterIn.COOKIE, description = "The refresh token set by sign-in or the last refresh")
            @CookieParam(REFRESH_COOKIE) String refreshToken,
            @Parameter(in = ParameterIn.HEADER, required = true, description = "Any value, e.g. XMLHttpRequest (CSRF guard)")
            @HeaderParam(CSRF_HEADER) String requestedWith) {
        requireCsrfHeader(requestedWith);
        return issued(sessions.refresh(refreshToken));
    }

    @POST
    @Path("/logout")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Sign out of the web app",
            description = "Ends the session of the refresh token cookie (its access tokens stop working too) and "
                    + "clears the cookie. Without a cookie, or with an unknown one, it only clears the cookie. Needs "
                    + "the X-Requested-With header.")
    @APIResponse(responseCode = "204", description = "Signed out; the cookie is cleared",
            headers = @Header(name = "Set-Cookie", description = REFRESH_COOKIE + "=; Path=" + COOKIE_PATH + "; Max-Age=0",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "The X-Requested-With header is missing",
            content = @Content(mediaType = "application/problem+json"))
    public Response endSession(
            @Parameter(in = ParameterIn.COOKIE, description = "The refresh token set by sign-in or the last refresh")
            @CookieParam(REFRESH_COOKIE) String refreshToken,
            @Parameter(in = ParameterIn.HEADER, required = true, description = "Any value, e.g. XMLHttpRequest (CSRF guard)")
            @HeaderParam(CSRF_HEADER) String requestedWith) {
        requireCsrfHeader(requestedWith);
        sessions.signOut(refreshToken);
        return Response.noContent().cookie(refreshCookie("", Duration.ZERO)).build();
    }

    private Response issued(SessionService.Issued issued) {
        return Response.ok(issued.accessToken())
                .cookie(refreshCookie(issued.refreshToken(), issued.refreshLifetime()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private NewCookie refreshCookie(String value, Duration maxAge) {
        return new NewCookie.Builder(REFRESH_COOKIE)
                .value(value)
                .path(COOKIE_PATH)
                .httpOnly(true)
                .secure(config.sessions().cookieSecure())
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) Math.max(0, Math.min(Integer.MAX_VALUE, maxAge.toSeconds())))
                .build();
    }

    private static void requireCsrfHeader(String requestedWith) {
        if (requestedWith == null || requestedWith.isBlank()) {
            throw ProblemException.forbidden("The " + CSRF_HEADER + " header is required");
        }
    }

    private static String addressOf(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
