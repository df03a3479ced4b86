package org.linkwork.platform.disclosure;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Figure", description = """
        One reported number. `suppressed` true: a count from 1 to 7, or a figure worked out from one, withheld \
        (value null) so that no small group of patients can be singled out. Not suppressed with value null: nothing \
        to work a figure from (e.g. a median of no cases).""")
public record Figure(@Schema(description = "The number; null when suppressed or not applicable", example = "12", nullable = true) Number value,
        boolean suppressed) {

    static final Figure SUPPRESSED = new Figure(null, true);
    static final Figure NOT_APPLICABLE = new Figure(null, false);
}
