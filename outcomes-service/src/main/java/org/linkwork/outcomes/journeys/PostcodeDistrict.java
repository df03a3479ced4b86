package org.linkwork.outcomes.journeys;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The outward code of a UK postcode (e.g. {@code LS6} of {@code LS6 2AB}): the postcode district. */
public final class PostcodeDistrict {

    private static final Pattern POSTCODE = Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})");

    /** @return the district, or {@code null} when the input is not a UK postcode, so nothing else leaks through */
    public static String of(String postcode) {
        if (postcode == null) {
            return null;
        }
        Matcher parts = POSTCODE.matcher(postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT));
        return parts.matches() ? parts.group(1) : null;
    }
}
