package io.guanxi.crm.survey;

import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.survey.api.PublicSurveyResponse;
import io.guanxi.crm.survey.api.SurveyAnswerRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The survey a customer answers through their personal link, without signing in: the only endpoints under
 * {@code /api/v1/public}, and (with sign-in) the only ones open without a token.
 */
@Path("/api/v1/public/survey-invitations/{token}")
@Tag(name = ApiTags.PUBLIC_SURVEYS)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PublicSurveyResource {

    @Inject
    PublicSurveys surveys;

    @GET
    @PermitAll
    @Operation(summary = "Read a survey by its personal link (no sign-in)",
            description = "The question (template and scale), the customer's first name when it can be told and the company's "
                    + "name; nothing else. An unknown token is 404; an answered or expired one 410, whichever it is. Rate-limited per "
                    + "token and per client address (429 with Retry-After).")
    @APIResponse(responseCode = "200", description = "The survey")
    @APIResponse(responseCode = "410", description = "survey-closed: answered or expired")
    @APIResponse(responseCode = "429", description = "Too many requests; see Retry-After")
    public PublicSurveyResponse getPublicSurvey(
            @Parameter(description = "The token of the personal link") @PathParam("token") String token, @Context HttpServerRequest http) {
        return surveys.read(token, addressOf(http));
    }

    @POST
    @PermitAll
    @Operation(summary = "Answer a survey (no sign-in)",
            description = "One answer per invitation: a second, or an answer to an expired invitation, is 409 survey-closed. The "
                    + "body is at most 4 KB. Rate-limited per token and per client address (429 with Retry-After).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a promoter", value = """
            {"score": 9, "comment": "服务很周到"}""")))
    @APIResponse(responseCode = "204", description = "Thank you: the answer is recorded")
    @APIResponse(responseCode = "409", description = "survey-closed: already answered or expired")
    @APIResponse(responseCode = "429", description = "Too many requests; see Retry-After")
    public Response answerPublicSurvey(@Parameter(description = "The token of the personal link") @PathParam("token") String token,
            @Valid @NotNull SurveyAnswerRequest answer, @Context HttpServerRequest http) {
        surveys.answer(token, answer, addressOf(http));
        return Response.noContent().build();
    }

    private static String addressOf(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
