package org.linkwork.outcomes.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgeBandTest {

    static final LocalDate REFERRED = LocalDate.of(2026, 3, 15);

    @ParameterizedTest(name = "born {0} -> {1}")
    @CsvSource({
            "2026-03-15, 0-17", "2008-03-16, 0-17", "2008-03-15, 18-24", "2001-03-16, 18-24", "2001-03-15, 25-34",
            "1992-03-15, 25-34", "1991-03-15, 35-44", "1971-03-16, 45-54", "1961-03-15, 65-74",
            "1951-03-16, 65-74", "1951-03-15, 75-84", "1941-03-16, 75-84", "1941-03-15, 85+", "1920-01-01, 85+" })
    void bandsTheAgeOnTheDayOfReferral(LocalDate born, String band) {
        assertEquals(band, AgeBand.of(born, REFERRED));
    }

    @ParameterizedTest
    @CsvSource({ "2026-03-16", "2030-01-01" })
    void aBirthAfterTheReferralHasNoBand(LocalDate born) {
        assertNull(AgeBand.of(born, REFERRED));
    }
}
