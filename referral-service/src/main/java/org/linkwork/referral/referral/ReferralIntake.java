package org.linkwork.referral.referral;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.linkwork.platform.problem.ProblemException;
import org.linkwork.referral.access.ReferralAccess;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one way in for a new referral, whether it arrived as JSON or as a FHIR ServiceRequest. */
@ApplicationScoped
public class ReferralIntake {

    private final ReferralService referrals;
    private final ReferralAccess access;
    private final ObjectMapper json;

    ReferralIntake(ReferralService referrals, ReferralAccess access, ObjectMapper json) {
        this.referrals = referrals;
        this.access = access;
        this.json = json;
    }

    /** @param request already validated */
    public ReferralService.Outcome receive(ReferralRequest request, String idempotencyKey, ReferralSource source) {
        if (!request.consent().given()) {
            throw ProblemException.unprocessable("consent.given",
                    "the patient's consent to be referred is required; nothing was stored");
        }
        access.checkMayReferFor(request.referrer().odsCode());
        ReferrerType type = referrerType(request.referrer().type());
        ReferralService.Outcome outcome = referrals.receive(new ReferralService.Intake(
                toReferral(request, type, source), access.client(), idempotencyKey, hash(request)));
        referrals.audited(outcome.replayed() ? "referral.create.replayed" : "referral.create", outcome.referral());
        return outcome;
    }

    /**
     * A GP system refers for its practice; an NHS service is another NHS service unless it declares that it refers
     * for a local authority or VCSE organisation.
     */
    private ReferrerType referrerType(ReferrerType declared) {
        if (declared == ReferrerType.SELF) {
            throw ProblemException.unprocessable("referrer.type", "a self-referral comes through POST /self-referrals");
        }
        if (access.isNhsService()) {
            return declared == null ? ReferrerType.OTHER_NHS_SERVICE : declared;
        }
        if (declared != null && declared != ReferrerType.GP_PRACTICE) {
            throw ProblemException.unprocessable("referrer.type", "a GP system refers as GP_PRACTICE");
        }
        return ReferrerType.GP_PRACTICE;
    }

    private Referral toReferral(ReferralRequest request, ReferrerType type, ReferralSource source) {
        var p = request.patient();
        Patient patient = new Patient();
        patient.nhsNumber = NhsNumber.normalise(p.nhsNumber());
        patient.givenName = p.givenName().strip();
        patient.familyName = p.familyName().strip();
        patient.dateOfBirth = p.dateOfBirth();
        patient.postcode = normalisePostcode(p.postcode());
        patient.phone = p.phone();
        patient.email = p.email();
        patient.preferredContact = p.preferredContact();
        patient.interpreterLanguage = p.interpreterLanguage();
        patient.accessibilityNeeds = p.accessibilityNeeds();
        patient.gender = p.gender();
        patient.sex = p.sex();
        patient.ethnicCategory = p.ethnicCategory();
        patient.carerStatus = p.carerStatus();
        patient.livingSituation = p.livingSituation();
        patient.lsoaCode = p.lsoaCode();
        Referrer referrer = new Referrer();
        referrer.odsCode = request.referrer().odsCode();
        referrer.type = type;
        referrer.practitionerName = request.referrer().practitionerName();
        referrer.practitionerRole = request.referrer().practitionerRole();
        Referral referral = Referral.receive(UUID.randomUUID(), patient, referrer, EnumSet.copyOf(request.reasons()),
                request.urgency(), request.consent().recordedAt(), request.notes(), source, access.actor());
        if (request.safetyAlerts() != null) {
            request.safetyAlerts().forEach(a -> referral.safetyAlerts.add(new SafetyAlert(a.category(), a.note())));
        }
        return referral;
    }

    /** "ls62ab" and "LS6 2AB" are the same postcode: upper case, one space before the inward code. */
    public static String normalisePostcode(String postcode) {
        String compact = postcode.replaceAll("\\s", "").toUpperCase();
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }

    /** Same request, same hash: a retry is recognised even if the client reformats its JSON. */
    private String hash(ReferralRequest request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }
}
