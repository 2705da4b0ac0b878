package io.guanxi.crm.contact;

import io.guanxi.crm.contact.api.ContactReach;
import io.guanxi.crm.contact.api.ContactRequest;
import io.guanxi.crm.contact.api.ContactResponse;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.BoundedPageResponse;
import io.guanxi.crm.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contacts")
@Tag(name = ApiTags.CONTACTS)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactResource {

    private static final String EXAMPLE = """
            {"name": "张伟", "mobile": "138 0013 8000", "email": "zhang.wei@example.cn",
             "wechatId": "zhangwei_88", "company": "上海云帆科技有限公司", "industry": "科技", "region": "EAST",
             "city": "上海", "birthday": "1986-04-12", "sourceChannel": "TRADE_SHOW", "preferredChannel": "WECHAT",
             "tags": ["预算充足", "决策周期长"], "hiddenNeeds": "计划明年扩建华东仓库",
             "personalityType": "ACHIEVER", "lifecycleStage": "AWARENESS", "marketingConsent": true}""";

    @Inject
    ContactService service;

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
    @Operation(summary = "List and search contacts",
            description = "Contacts visible to you (a sales rep sees only own contacts), newest first unless "
                    + "sorted. `q` finds any part of a name or company, Chinese included (张伟 finds 张伟芳 and "
                    + "李张伟), the start of the name's pinyin or its initials (zhangwei, zw), and three or more "
                    + "characters of a mobile number or email. Filters combine with AND. `total` is counted up to 1000 "
                    + "matches (or to the end of the page asked for, if further): beyond that `totalExact` is false and "
                    + "`total` is a lower bound (show \"1000+\"); the next page may still have rows.")
    public BoundedPageResponse<ContactResponse> listContacts(
            @Parameter(description = "Search text (max 100 characters)", example = "张伟") @QueryParam("q") String q,
            @Parameter(description = "Owner (user id); managers use it to see one rep's book") @QueryParam("ownerId") UUID ownerId,
            @Parameter(description = "Tag; repeat for contacts having all of them") @QueryParam("tag") List<String> tags,
            @QueryParam("lifecycleStage") LifecycleStage lifecycleStage,
            @QueryParam("region") Region region,
            @QueryParam("industry") String industry,
            @Parameter(description = "ABC value tier", schema = @Schema(enumeration = {"A", "B", "C", "INACTIVE"})) @QueryParam("abcTier") String abcTier,
            @Parameter(description = "Membership level", schema = @Schema(enumeration = {"SILVER", "GOLD", "PLATINUM"})) @QueryParam("membershipLevel") String membershipLevel,
            @Parameter(description = "true lists archived contacts instead of active ones") @QueryParam("archived") Boolean archived,
            @Parameter(description = "Page number, from 0") @QueryParam("page") Integer page,
            @Parameter(description = "Page size, 1–200 (default 20)") @QueryParam("size") Integer size,
            @Parameter(description = "name|company|createdAt|updatedAt|lastContactedAt|completeness, then ,asc or ,desc",
                    example = "name,asc") @QueryParam("sort") String sort) {
        ContactQuery query = new ContactQuery(q, ownerId, tags, lifecycleStage, region, industry,
                Boolean.TRUE.equals(archived), abcTier, membershipLevel);
        return service.list(query, page, size, sort);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
    @Operation(summary = "Get a contact", description = "The contact, with its version in the ETag header. Opening a profile "
            + "is recorded in the audit trail. Mobile and email are in full for the owner, managers and admins, masked for "
            + "service agents (reachMasked; POST …/reveal shows them).")
    @APIResponse(responseCode = "200", description = "The contact; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    @APIResponse(responseCode = "308", description = "The contact was merged into another (issue 20): Location and mergedInto "
            + "name the survivor. Changing a merged contact, or attaching a record to it, answers 410 with mergedInto. "
            + "A caller who may not see the survivor (another rep's) gets 404 instead, as for any contact outside their view.",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Location", description = "The survivor",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = io.guanxi.crm.platform.error.Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = io.guanxi.crm.platform.error.Problem.class)))
    public Response getContact(@PathParam("id") UUID id) {
        return withEtag(Response.ok(), service.openProfile(id));
    }

    @POST
    @Consumes(MediaType.WILDCARD) // no body: a client need not send a Content-Type
    @Path("/{id}/reveal")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
    @Operation(summary = "Reveal a contact's mobile and email",
            description = "The mobile and email in full, for anyone who may see the contact; each reveal is recorded in the "
                    + "audit trail (who, when, from where). Integrators never read contacts and may not reveal them.")
    public ContactReach revealContact(@PathParam("id") UUID id) {
        return service.reveal(id);
    }

    @POST
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Create a contact",
            description = "A sales rep creates contacts they own; managers and admins may set ownerId. The mobile "
                    + "is stored in canonical form and the email in lower case. If another contact has the same "
                    + "mobile or email the answer is 409 with `existingId` and `duplicates`; repeat with "
                    + "confirmDuplicate=true to create it anyway.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "full profile", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    @APIResponse(responseCode = "409", description = "Possible duplicate (same mobile or email): see existingId")
    public Response createContact(@Valid @NotNull ContactRequest request,
            @Parameter(description = "Create even though the mobile or email matches an existing contact")
            @QueryParam("confirmDuplicate") @DefaultValue("false") boolean confirmDuplicate, UriInfo uri) {
        ContactResponse created = service.create(request, confirmDuplicate);
        return withEtag(Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()), created);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Update a contact",
            description = "Replaces the editable fields. Send If-Match with the ETag you read: without it 428, "
                    + "with a stale one 412 (someone else changed the contact; nothing is overwritten). Only "
                    + "managers and admins change the owner. A new mobile or email that matches another contact "
                    + "answers 409 unless confirmDuplicate=true.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "full profile", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated; the new ETag is in the header",
            content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    @APIResponse(responseCode = "409", description = "Possible duplicate (same mobile or email): see existingId")
    public Response updateContact(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ContactRequest request, @QueryParam("confirmDuplicate") @DefaultValue("false") boolean confirmDuplicate) {
        return withEtag(Response.ok(), service.update(id, ifMatch, request, confirmDuplicate));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Archive a contact",
            description = "Soft delete: the contact leaves lists and search but keeps its history (archives are "
                    + "kept five years, SPEC §1). Archiving twice is harmless.")
    @APIResponse(responseCode = "204", description = "Archived")
    public Response archiveContact(@PathParam("id") UUID id) {
        service.archive(id);
        return Response.noContent().build();
    }

    @POST
    @Consumes(MediaType.WILDCARD) // no body: a client need not send a Content-Type
    @Path("/{id}/restore")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Restore an archived contact", description = "Brings an archived contact back into lists.")
    @APIResponse(responseCode = "200", description = "Restored",
            content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    public Response restoreContact(@PathParam("id") UUID id) {
        return withEtag(Response.ok(), service.restore(id));
    }

    @GET
    @Path("/{id}/stage-history")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
    @Operation(summary = "Lifecycle stage history",
            description = "Every transition of the contact's lifecycle stage, newest first, with its cause and author.")
    public List<StageChange> getContactStageHistory(@PathParam("id") UUID id) {
        return service.stageHistory(id);
    }

    private static Response withEtag(Response.ResponseBuilder builder, ContactResponse contact) {
        return builder.tag(IfMatch.etag(contact.version())).entity(contact).build();
    }
}
