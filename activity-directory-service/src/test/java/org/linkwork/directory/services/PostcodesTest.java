package org.linkwork.directory.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PostcodesTest {

    private final Postcodes postcodes = new Postcodes();

    @Test
    void aFullPostcodeWithOrWithoutItsSpaceOrJustItsDistrictLocatesTheDistrictCentroid() {
        Postcodes.Coordinates ls6 = postcodes.locate("LS6 3HN").orElseThrow();
        assertEquals(53.8185, ls6.latitude(), 1e-9);
        assertEquals(-1.56626, ls6.longitude(), 1e-9);
        assertEquals(ls6, postcodes.locate("ls63hn").orElseThrow());
        assertEquals(ls6, postcodes.locate(" LS6 ").orElseThrow());
        assertEquals(postcodes.locate("SW1A").orElseThrow(), postcodes.locate("SW1A 1AA").orElseThrow());
    }

    @Test
    void malformedPostcodesAndUnknownDistrictsAreNotLocated() {
        assertFalse(Postcodes.isPostcode("LS"));
        assertFalse(Postcodes.isPostcode("12345"));
        assertFalse(Postcodes.isPostcode("LS6 3HNN"));
        assertTrue(Postcodes.isPostcode("ZZ9 9ZZ"));
        assertTrue(postcodes.locate("ZZ9 9ZZ").isEmpty());
    }
}
