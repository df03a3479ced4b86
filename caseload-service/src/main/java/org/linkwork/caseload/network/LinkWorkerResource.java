package org.linkwork.caseload.network;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.linkwork.caseload.access.CaseAccess;
import org.linkwork.caseload.cases.Case;
import org.linkwork.caseload.cases.CaseService;
import org.linkwork.caseload.cases.CaseStatus;
import org.linkwork.platform.problem.ProblemException;

@Path("/link-workers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Link workers", description = "The PCN's link workers, their capacity, and a worker's own caseload")
@SecurityRequirement(name = "oidc")
public class LinkWorkerResource {

    private static final Logger LOG = Logger.getLogger(LinkWorkerResource.class);
    /** A case with no contact for this long is overdue a contact. */
    static final int CONTACT_DUE_DAYS = 14;
    /** Plan reviews this close are shown as due. */
    static final int REVIEW_NOTICE_DAYS = 7;

    private final EntityManager entityManager;
    private final Network network;
    private final CaseService cases;
    private final CaseAccess access;

    LinkWorkerResource(EntityManager entityManager, Network network, CaseService cases, CaseAccess access) {
        this.entityManager = entityManager;
        this.network = network;
        this.cases = cases;
        this.access = access;
    }

    @Schema(name = "LinkWorker")
    public record WorkerView(UUID id, String username, String name, String pcnCode, BigDecimal fte, Integer caseloadCap,
            int effectiveCap, long openCases, long freePlaces, List<String> languages, boolean active) {
    }

    @Schema(name = "LinkWorkerRequest")
    public record WorkerRequest(
            @NotBlank @Size(max = 255) @Schema(example = "lw-pat") String username,
            @NotBlank @Size(max = 255) @Schema(example = "Pat Nolan") String name,
            @NotBlank @Pattern(regexp = "^U[0-9]{5}$", message = "is not a PCN code") @Schema(example = "U16878") String pcnCode,
            @NotNull @DecimalMin(value = "0.1") @DecimalMax("1.0") @Schema(example = "0.8") BigDecimal fte,
            @Min(0) @Schema(description = "Cap on open cases; omit for the configured cap per FTE times fte") Integer caseloadCap,
            @NotNull @Size(max = 20) List<@NotBlank String> languages,
            @NotNull Boolean active) {
    }

    @GET
    @RolesAllowed(CaseAccess.COORDINATOR)
    @Operation(summary = "The coordinator's PCN's link workers with their capacity")
    public List<WorkerView> list() {
        String pcn = access.coordinatorPcn();
        return network.candidates(pcn, false).stream().map(c -> view(c.worker(), c.openCases())).toList();
    }

    @POST
    @RolesAllowed(CaseAccess.COORDINATOR)
    @Transactional
    @Operation(summary = "Add a link worker to the coordinator's PCN", description = "Their free places are offered to the waiting list at once.")
    public Response create(@NotNull @Valid WorkerRequest body) {
        access.checkCoordinates(body.pcnCode());
        if (network.workerByUsername(body.username()).isPresent()) {
            throw ProblemException.conflict("A link worker with user name " + body.username() + " exists already");
        }
        LinkWorker worker = new LinkWorker();
        worker.id = UUID.randomUUID();
        worker.username = body.username();
        apply(worker, body);
        entityManager.persist(worker);
        entityManager.flush();
        LOG.infof("Link worker %s added to PCN %s by %s", worker.username, worker.pcnCode, access.actor());
        cases.pullFromWaitingList(worker.pcnCode);
        return Response.created(URI.create("/link-workers/" + worker.id)).entity(view(worker, network.openCases(worker.id))).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(CaseAccess.COORDINATOR)
    @Transactional
    @Operation(summary = "Change a link worker's hours, cap, languages or active flag", description = "More places are offered to the waiting list at once.")
    public WorkerView update(@PathParam("id") UUID id, @NotNull @Valid WorkerRequest body) {
        LinkWorker worker = network.worker(id).orElseThrow(() -> ProblemException.notFound("Link worker " + id));
        access.checkCoordinates(worker.pcnCode);
        access.checkCoordinates(body.pcnCode());
        apply(worker, body);
        entityManager.flush();
        LOG.infof("Link worker %s changed by %s", worker.username, access.actor());
        cases.pullFromWaitingList(worker.pcnCode);
        return view(worker, network.openCases(worker.id));
    }

    @Schema(name = "Caseload", description = "What a link worker opens first thing: their cases by status, who is overdue a contact, which plans need review.")
    public record CaseloadView(WorkerView worker, Map<CaseStatus, Long> countsByStatus, List<Due> contactsOverdue,
            List<Due> reviewsDue) {
    }

    @Schema(name = "CaseDue")
    public record Due(UUID caseId, String patientName, CaseStatus status, OffsetDateTime lastContact, LocalDate reviewDate) {
    }

    @GET
    @Path("/me/caseload")
    @RolesAllowed(CaseAccess.LINK_WORKER)
    @Operation(summary = "My caseload", description = "Counts by status; open cases with no contact for 14 days; plans whose review date is within 7 days or past.")
    public CaseloadView myCaseload() {
        LinkWorker worker = network.workerByUsername(access.actor())
                .orElseThrow(() -> ProblemException.notFound("Link worker " + access.actor()));
        List<Case> mine = cases.casesOf(worker.id, null);
        Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
        for (CaseStatus status : CaseStatus.values()) {
            counts.put(status, mine.stream().filter(c -> c.status == status).count());
        }
        OffsetDateTime contactCutoff = OffsetDateTime.now(ZoneOffset.UTC).minusDays(CONTACT_DUE_DAYS);
        LocalDate reviewCutoff = LocalDate.now(ZoneOffset.UTC).plusDays(REVIEW_NOTICE_DAYS);
        List<Case> open = mine.stream().filter(c -> c.status.isOpen()).toList();
        List<Due> overdue = open.stream()
                .map(c -> new Due(c.id, name(c), c.status, cases.lastContactOrAssignment(c), null))
                .filter(d -> d.lastContact() != null && d.lastContact().isBefore(contactCutoff)).toList();
        List<Due> reviews = open.stream()
                .flatMap(c -> cases.plan(c.id).stream()
                        .filter(p -> p.reviewDate != null && !p.reviewDate.isAfter(reviewCutoff))
                        .map(p -> new Due(c.id, name(c), c.status, null, p.reviewDate)))
                .toList();
        open.forEach(c -> access.check(c, "case.caseload"));
        return new CaseloadView(view(worker, open.size()), counts, overdue, reviews);
    }

    private static String name(Case c) {
        return c.patient.givenName + " " + c.patient.familyName;
    }

    private static void apply(LinkWorker worker, WorkerRequest body) {
        worker.name = body.name();
        worker.pcnCode = body.pcnCode();
        worker.fte = body.fte();
        worker.caseloadCap = body.caseloadCap();
        worker.languages = String.join(",", body.languages());
        worker.active = body.active();
    }

    private WorkerView view(LinkWorker w, long openCases) {
        int cap = network.capOf(w);
        return new WorkerView(w.id, w.username, w.name, w.pcnCode, w.fte, w.caseloadCap, cap, openCases,
                Math.max(0, cap - openCases), w.languageList(), w.active);
    }
}
