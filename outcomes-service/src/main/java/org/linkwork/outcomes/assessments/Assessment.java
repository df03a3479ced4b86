package org.linkwork.outcomes.assessments;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;

import org.linkwork.outcomes.instruments.Instrument;
import org.linkwork.outcomes.instruments.Score;

/** One completed wellbeing questionnaire for a case, with its answers and the scores computed from them. */
@Entity
public class Assessment {

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Instrument instrument;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Timepoint timepoint;

    @Column(nullable = false)
    public OffsetDateTime completedAt;

    @Column(nullable = false)
    public OffsetDateTime recordedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "assessment_answer", joinColumns = @JoinColumn(name = "assessment_id"))
    @MapKeyColumn(name = "item")
    @Column(name = "answer", nullable = false)
    public Map<String, Integer> answers = new LinkedHashMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "assessment_score", joinColumns = @JoinColumn(name = "assessment_id"))
    @OrderColumn(name = "position")
    public List<Score> scores = new ArrayList<>();
}
