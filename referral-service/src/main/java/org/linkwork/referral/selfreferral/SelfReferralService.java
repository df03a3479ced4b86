package org.linkwork.referral.selfreferral;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.linkwork.platform.audit.AuditRecord;
import org.linkwork.platform.audit.AuditTrail;
import org.linkwork.platform.problem.PageLimits;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.referral.access.ReferralAccess;
import org.linkwork.referral.referral.NhsNumber;
import org.linkwork.referral.referral.Patient;
import org.linkwork.referral.referral.Referral;
import org.linkwork.referral.referral.ReferralIntake;
import org.linkwork.referral.referral.ReferralService;
import org.linkwork.referral.referral.ReferralSource;
import org.linkwork.referral.referral.Referrer;
import org.linkwork.referral.referral.ReferrerType;
import org.linkwork.referral.referral.Urgency;

/** Self-referrals: received without a token, traced by a coordinator of the person's PCN, then referrals like any other. */
@ApplicationScoped
public class SelfReferralService {

    private static final Logger LOG = Logger.getLogger(SelfReferralService.class);

    private final SelfReferralRepository selfReferrals;
    private final ReferralService referrals;
    private final ReferralAccess access;
    private final AuditTrail audit;

    SelfReferralService(SelfReferralRepository selfReferrals, ReferralService referrals, ReferralAccess access,
            AuditTrail audit) {
        this.selfReferrals = selfReferrals;
        this.referrals = referrals;
        this.access = access;
        this.audit = audit;
    }

    public record Page(List<SelfReferral> items, long total) {
    }

    /** @param request already validated */
    @Transactional
    public SelfReferral receive(SelfReferralRequest request) {
        if (!request.consent().agreed()) {
            throw ProblemException.unprocessable("consent.agreed",
                    "the person's agreement to the consent statement is required; nothing was stored");
        }
        SelfReferral self = new SelfReferral();
        self.id = UUID.randomUUID();
        self.givenName = request.givenName().strip();
        self.familyName = request.familyName().strip();
        self.dateOfBirth = request.dateOfBirth();
        self.postcode = ReferralIntake.normalisePostcode(request.postcode());
        self.phone = request.phone();
        self.email = request.email();
        self.preferredContact = request.preferredContact();
        self.nhsNumber = NhsNumber.normalise(request.nhsNumber());
        self.practiceOdsCode = request.practiceOdsCode();
        self.reasons = EnumSet.copyOf(request.reasons());
        self.about = request.about();
        self.consentStatement = request.consent().statement();
        self.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        self.consentGivenAt = self.receivedAt;
        self.status = SelfReferral.Status.AWAITING_TRACE;
        selfReferrals.persist(self);
        audit.record("self-referral.create", "SelfReferral", self.id.toString(), self.nhsNumber, AuditRecord.Outcome.SUCCESS);
        LOG.infof("Self-referral %s received for practice %s", self.id, self.practiceOdsCode);
        return self;
    }

    /** The self-referral if the caller (a coordinator) may see it: their PCN's practices and those outside the network; else 404. */
    public SelfReferral readable(UUID id, String action) {
        SelfReferral self = selfReferrals.findByIdOptional(id).orElse(null);
        if (self == null || !access.mayRead(self.practiceOdsCode, null)) {
            audit.record(action, "SelfReferral", id.toString(), self == null ? null : self.nhsNumber,
                    self == null ? AuditRecord.Outcome.NOT_FOUND : AuditRecord.Outcome.DENIED);
            throw ProblemException.notFound("Self-referral " + id);
        }
        audit.record(action, "SelfReferral", id.toString(), self.nhsNumber, AuditRecord.Outcome.SUCCESS);
        return self;
    }

    /** Oldest first, within the coordinator's scope, each audited. */
    public Page search(SelfReferral.Status status, int page, int size) {
        var query = selfReferrals.search(status, access.coordinatorScope());
        int first = PageLimits.firstResult("page", page, size);
        List<SelfReferral> items = query.range(first, first + size - 1).list();
        items.forEach(s -> audit.record("self-referral.list", "SelfReferral", s.id.toString(), s.nhsNumber,
                AuditRecord.Outcome.SUCCESS));
        return new Page(items, query.count());
    }

    /**
     * Makes the self-referral a referral with the NHS number the coordinator traced: RECEIVED from referrer type SELF
     * for the person's practice, then triaged as any referral from that practice. Once only (409 after).
     */
    @Transactional
    public Referral trace(UUID id, String nhsNumber) {
        SelfReferral self = readable(id, "self-referral.trace");
        if (self.status != SelfReferral.Status.AWAITING_TRACE) {
            throw ProblemException.conflict("Self-referral " + id + " is already referral " + self.referralId);
        }
        Referral referral = referrals.receive(new ReferralService.Intake(toReferral(self, NhsNumber.normalise(nhsNumber)),
                access.client(), null, null)).referral();
        self.status = SelfReferral.Status.REFERRED;
        self.nhsNumber = referral.patient.nhsNumber;
        self.referralId = referral.id;
        self.tracedBy = access.actor();
        self.tracedAt = OffsetDateTime.now(ZoneOffset.UTC);
        referrals.audited("referral.create", referral);
        LOG.infof("Self-referral %s traced by %s: referral %s", id, self.tracedBy, referral.id);
        return referral;
    }

    private Referral toReferral(SelfReferral self, String nhsNumber) {
        Patient patient = new Patient();
        patient.nhsNumber = nhsNumber;
        patient.givenName = self.givenName;
        patient.familyName = self.familyName;
        patient.dateOfBirth = self.dateOfBirth;
        patient.postcode = self.postcode;
        patient.phone = self.phone;
        patient.email = self.email;
        patient.preferredContact = self.preferredContact;
        Referrer referrer = new Referrer();
        referrer.odsCode = self.practiceOdsCode;
        referrer.type = ReferrerType.SELF;
        return Referral.receive(UUID.randomUUID(), patient, referrer, self.reasons, Urgency.ROUTINE,
                self.consentGivenAt, self.about, ReferralSource.JSON, access.actor());
    }
}
