package org.linkwork.outcomes.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodeDistrictTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "LS6 2AB, LS6", "M1 1AE, M1", "B33 8TH, B33", "CR2 6XH, CR2", "DN55 1PT, DN55", "W1A 0AX, W1A",
            "EC1A 1BB, EC1A", "ls62ab, LS6", "' sw1a  2aa ', SW1A" })
    void keepsOnlyTheOutwardCode(String postcode, String district) {
        assertEquals(district, PostcodeDistrict.of(postcode));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "LS6", "2AB", "NOT A POSTCODE", "Flat 3, 12 High St" })
    void passesNothingThatIsNotAPostcode(String postcode) {
        assertNull(PostcodeDistrict.of(postcode));
    }
}
