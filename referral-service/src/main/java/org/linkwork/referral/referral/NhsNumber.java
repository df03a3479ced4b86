package org.linkwork.referral.referral;

/**
 * NHS number rules: ten digits, the last a Modulus 11 check digit over the first nine
 * (weights 10 down to 2). A remainder giving check digit 10 means the number is invalid.
 */
public final class NhsNumber {

    private NhsNumber() {
    }

    /** Removes the spaces and dashes people type between digit groups ("943 476 5919"). */
    public static String normalise(String value) {
        return value == null ? null : value.replaceAll("[\\s-]", "");
    }

    public static boolean isValid(String value) {
        String digits = normalise(value);
        if (digits == null || !digits.matches("\\d{10}")) {
            return false;
        }
        Integer check = checkDigit(digits.substring(0, 9));
        return check != null && check == digits.charAt(9) - '0';
    }

    /** @return the check digit for nine digits, or {@code null} if no valid NHS number starts with them */
    public static Integer checkDigit(String firstNine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (firstNine.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            return 0;
        }
        return check == 10 ? null : check;
    }
}
