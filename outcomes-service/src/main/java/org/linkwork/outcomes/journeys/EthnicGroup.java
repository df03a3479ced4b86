package org.linkwork.outcomes.journeys;

/**
 * The five broad groups of the NHS Data Dictionary's ETHNIC CATEGORY, as reports show them: a single letter category
 * would make small cells in a PCN's month.
 */
public enum EthnicGroup {
    WHITE, MIXED, ASIAN, BLACK, OTHER, NOT_STATED;

    /** Null when the referrer sent no category; a letter outside the Data Dictionary's list is not stated. */
    public static EthnicGroup of(String category) {
        if (category == null) {
            return null;
        }
        return switch (category) {
            case "A", "B", "C" -> WHITE;
            case "D", "E", "F", "G" -> MIXED;
            case "H", "J", "K", "L" -> ASIAN;
            case "M", "N", "P" -> BLACK;
            case "R", "S" -> OTHER;
            default -> NOT_STATED;
        };
    }
}
