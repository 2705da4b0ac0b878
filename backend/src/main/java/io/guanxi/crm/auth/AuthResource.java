package io.guanxi.crm.auth;

import io.guanxi.crm.platform.openapi.ApiTags;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/auth")
@Tag(name = ApiTags.AUTH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    TokenService tokens;

    @POST
    @Path("/token")
    @PermitAll
    @Operation(summary = "Sign in",
            description = "Exchanges username and password for a bearer token (RS256 JWT). Wrong credentials "
                    + "answer 401 without saying which part was wrong; repeated failures for a username or from "
                    + "one address answer 429 with Retry-After. In Swagger UI, paste the access_token into "
                    + "\"Authorize\".")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "demo sales rep", value = """
            {"username": "rep.zhang", "password": "demo1234"}""")))
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "429", description = "Too many failed attempts; see Retry-After",
            content = @Content(mediaType = "application/problem+json"))
    public TokenResponse signIn(@Valid @NotNull TokenRequest request, @Context HttpServerRequest http) {
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        return tokens.issue(request, address);
    }
}
