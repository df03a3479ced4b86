package org.linkwork.caseload.suggestions;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An access need the case records (the referral's free-text {@code accessibilityNeeds}) that a
 * venue can meet, and the words a directory location's accessibility features use for it.
 */
public enum AccessNeed {
    /** Wheelchair users and others who cannot manage steps. */
    STEP_FREE("step-free access",
            Pattern.compile("wheel ?chair|step[- ]?free|mobility|walking frame|zimmer|scooter|stairs|steps|crutches"),
            Pattern.compile("step[- ]?free|wheel ?chair|level access|ramp|lift")),
    /** Hearing aid users. */
    HEARING_LOOP("a hearing loop",
            Pattern.compile("hearing|deaf"),
            Pattern.compile("hearing loop|induction loop|loop system"));

    private final String label;
    private final Pattern inNeeds;
    private final Pattern inFeatures;

    AccessNeed(String label, Pattern inNeeds, Pattern inFeatures) {
        this.label = label;
        this.inNeeds = inNeeds;
        this.inFeatures = inFeatures;
    }

    public String label() {
        return label;
    }

    /** The needs a case's free text names; none when it is empty or names none this knows. */
    public static Set<AccessNeed> from(String accessibilityNeeds) {
        String text = accessibilityNeeds == null ? "" : accessibilityNeeds.toLowerCase(Locale.ROOT);
        Set<AccessNeed> needs = EnumSet.noneOf(AccessNeed.class);
        Arrays.stream(values()).filter(need -> need.inNeeds.matcher(text).find()).forEach(needs::add);
        return needs;
    }

    /** Whether one of a venue's accessibility features (description or details) meets this need. */
    public boolean metBy(List<String> features) {
        return features.stream().anyMatch(f -> f != null && inFeatures.matcher(f.toLowerCase(Locale.ROOT)).find());
    }
}
