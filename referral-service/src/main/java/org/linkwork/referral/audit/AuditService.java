package org.linkwork.referral.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.linkwork.platform.audit.AuditRecorded;
import org.linkwork.referral.referral.ReferralRepository;

/**
 * The suite's consolidated audit trail. outcomes-service keeps no NHS numbers (its read model is
 * pseudonymised), so its records name the case; a case's patient is resolved here, when asked, from
 * the referral the case was opened for. Resolving at query time rather than on arrival means an
 * outcomes record that arrives before this service learnt the case is still found later.
 */
@ApplicationScoped
public class AuditService {

    /** A record with the patient's NHS number, its own or resolved through its case. */
    public record Entry(SuiteAuditRecord record, String nhsNumber) {
    }

    public record Page(List<Entry> items, long total) {
    }

    private final SuiteAuditRecordRepository records;
    private final ReferralRepository referrals;

    AuditService(SuiteAuditRecordRepository records, ReferralRepository referrals) {
        this.records = records;
        this.referrals = referrals;
    }

    /** Keeps one service's audit record; runs inside the inbox transaction. */
    public void keep(String service, AuditRecorded recorded) {
        records.persist(new SuiteAuditRecord(service, recorded));
    }

    /** Newest first. Every filter is optional; {@code from} is inclusive, {@code to} exclusive. */
    @Transactional(TxType.SUPPORTS)
    public Page search(String nhsNumber, String actor, OffsetDateTime from, OffsetDateTime to, int page, int size) {
        var query = records.search(nhsNumber, actor, from, to);
        long total = query.count();
        // As a long, so that page × size cannot overflow.
        if ((long) page * size >= total) {
            return new Page(List.of(), total);
        }
        List<SuiteAuditRecord> found = query.page(page, size).list();
        Map<String, String> patientsOfCases = referrals.patientsOfCases(found.stream()
                .filter(r -> r.nhsNumber == null && "Case".equals(r.resourceType())).map(SuiteAuditRecord::resourceId)
                .collect(Collectors.toSet()));
        return new Page(found.stream().map(r -> new Entry(r,
                r.nhsNumber != null ? r.nhsNumber : patientsOfCases.get(r.resourceId()))).toList(), total);
    }
}
