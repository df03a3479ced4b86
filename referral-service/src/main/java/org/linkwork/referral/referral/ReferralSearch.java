package org.linkwork.referral.referral;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * What a search asks for, every criterion optional (null: not asked). Time bounds are half-open: {@code from}
 * inclusive, {@code to} exclusive. Results come newest first ({@code receivedAt}, then id, both descending);
 * {@code after} continues a search after the referral a previous page ended with (keyset paging: a page does
 * not shift when referrals arrive meanwhile).
 */
public record ReferralSearch(UUID referralId, Set<ReferralStatus> statuses, String nhsNumber, String odsCode,
        OffsetDateTime receivedFrom, OffsetDateTime receivedTo, OffsetDateTime updatedFrom,
        OffsetDateTime updatedTo, Position after) {

    /** Where a page ended: the last referral's {@code receivedAt} and id. */
    public record Position(OffsetDateTime receivedAt, UUID id) {
    }

    /** The same search for one practice's referrals only. */
    public ReferralSearch forPractice(String practice) {
        return new ReferralSearch(referralId, statuses, nhsNumber, practice, receivedFrom, receivedTo, updatedFrom,
                updatedTo, after);
    }
}
