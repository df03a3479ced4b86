package org.linkwork.caseload.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The "what matters to me" conversation and the personalised care and support plan agreed in it. */
@Entity
@Table(name = "care_plan")
public class CarePlan {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "what_matters_to_me", nullable = false)
    public String whatMattersToMe;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "care_plan_goal", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "position")
    public List<Goal> goals = new ArrayList<>();

    @Column(name = "agreed_actions")
    public String agreedActions;

    @Column(name = "review_date")
    public LocalDate reviewDate;

    /** When the person agreed the plan (the coded "personalised care and support plan agreed"); null until then. */
    @Column(name = "agreed_at")
    public OffsetDateTime agreedAt;

    @Column(name = "agreed_by")
    public String agreedBy;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    @Embeddable
    public record Goal(@Enumerated(EnumType.STRING) @Column(nullable = false) GoalDomain domain,
            @Column(nullable = false) String description) {
    }
}
