package io.guanxi.crm.merge;

import io.guanxi.crm.merge.api.MergeRequest;
import io.guanxi.crm.merge.api.MergeResponse;
import io.guanxi.crm.platform.idempotency.IdempotentResponses;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contacts/merge")
@Tag(name = ApiTags.MERGES)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactMergeResource {

    static final String KEY_DESCRIPTION = "Optional, up to 100 characters. A retry with the same key and body returns the first "
            + "answer (Idempotent-Replayed: true) and changes nothing; the same key with another body is a 422.";

    private static final String EXAMPLE = """
            {"survivor": {"id": "0b8f0c1e-5f7e-4f55-9d7e-3a1f5c2b9e01", "etag": "\\"4\\""},
             "others": [{"id": "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f", "etag": "\\"2\\""}],
             "choices": {"mobile": "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f", "company": "0b8f0c1e-5f7e-4f55-9d7e-3a1f5c2b9e01"}}""";

    @Inject
    MergeService service;

    @POST
    @RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Merge contacts into one (managers)",
            description = "Merges 1–4 contacts into the survivor: the survivor keeps the chosen value of each field and the union "
                    + "of the tags; the others' interactions, leads, purchases, complaints, activities, survey invitations, churn "
                    + "records, win-back and campaign targets move to it, and their points move by ledger transfer entries. The "
                    + "others stay as records pointing at the survivor (GET answers 308 to it; changes 410). Each contact carries "
                    + "the ETag the user saw: any changed since is a 412 and nothing is merged; a contact merged already is a 409 "
                    + "(contact-merged). Undo with POST /api/v1/merges/{id}/undo.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two contacts", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Merged; Location names the merge record",
            content = @Content(schema = @Schema(implementation = MergeResponse.class)))
    @APIResponse(responseCode = "409", description = "contact-merged or contact-anonymised, or idempotency-key-in-flight")
    @APIResponse(responseCode = "412", description = "A contact changed since the user read it")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused")
    public Response mergeContacts(@Valid @NotNull MergeRequest request,
            @Parameter(in = ParameterIn.HEADER, description = KEY_DESCRIPTION) @HeaderParam("Idempotency-Key") String key) {
        return IdempotentResponses.toResponse(service.merge(request, key));
    }
}
