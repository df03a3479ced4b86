package org.linkwork.platform.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SuppressionTest {

    @Test
    void zeroIsShownBecauseItSinglesOutNoOne() {
        assertEquals(new Figure(0L, false), Suppression.count(0));
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 7 })
    void countsFromOneToSevenAreWithheld(long count) {
        Figure figure = Suppression.count(count);
        assertTrue(figure.suppressed());
        assertNull(figure.value());
    }

    @ParameterizedTest
    @ValueSource(longs = { 8, 9, 250 })
    void countsFromEightAreShown(long count) {
        assertEquals(new Figure(count, false), Suppression.count(count));
    }

    @Test
    void aFigureWorkedOutFromAWithheldCountIsWithheldWithIt() {
        assertTrue(Suppression.derived(() -> new BigDecimal("0.5"), Suppression.count(20), Suppression.count(7)).suppressed());
        assertTrue(Suppression.derived(() -> new BigDecimal("0.5"), Suppression.count(1)).suppressed());
        assertEquals(new Figure(new BigDecimal("0.5"), false), Suppression.derived(() -> new BigDecimal("0.5"),
                Suppression.count(8), Suppression.count(0), Suppression.count(20)));
    }

    @Test
    void aWithheldFigureIsNeverComputed() {
        Figure figure = Suppression.derived(() -> {
            throw new AssertionError("computed although suppressed");
        }, Suppression.count(3));
        assertTrue(figure.suppressed());
    }

    @Test
    void aFigureWithNothingToWorkFromIsEmptyButNotSuppressed() {
        Figure figure = Suppression.derived(() -> null, Suppression.count(0));
        assertNull(figure.value());
        assertFalse(figure.suppressed());
    }

    @Test
    void aNegativeCountIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> Suppression.count(-1));
    }
}
