package org.linkwork.referral.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NhsNumberTest {

    @Test
    void acceptsNumbersWithTheirModulus11CheckDigit() {
        // NHS Digital's worked example: 943 476 5919.
        assertTrue(NhsNumber.isValid("9434765919"));
        assertTrue(NhsNumber.isValid("943 476 5919"));
        assertTrue(NhsNumber.isValid("943-476-5919"));
    }

    @Test
    void rejectsAWrongCheckDigit() {
        assertFalse(NhsNumber.isValid("9434765918"));
    }

    @Test
    void rejectsWrongLengthAndLetters() {
        assertFalse(NhsNumber.isValid("943476591"));
        assertFalse(NhsNumber.isValid("94347659190"));
        assertFalse(NhsNumber.isValid("94347659AB"));
        assertFalse(NhsNumber.isValid(null));
    }

    @Test
    void checkDigitOfElevenIsZeroAndOfTenMeansNoValidNumber() {
        // weighted sum 0: 11 - 0 = 11, written as 0
        assertEquals(0, NhsNumber.checkDigit("000000000"));
        // weighted sum 1*10 = 10: 11 - 10 = 1
        assertEquals(1, NhsNumber.checkDigit("100000000"));
        // weighted sum 1*10 + 1*2 = 12: 11 - 1 = 10, so no NHS number starts with these nine digits
        assertNull(NhsNumber.checkDigit("100000001"));
    }
}
