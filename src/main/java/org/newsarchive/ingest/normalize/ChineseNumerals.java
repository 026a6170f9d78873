package org.newsarchive.ingest.normalize;

/**
 * Reads the numbers of Chinese dates: digit by digit for years ({@code 二零二零}) and positional for months and days
 * ({@code 七}, {@code 二十}, {@code 三十一}). Arabic digits pass through. Stateless and thread-safe.
 */
final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {}

    /** The value of {@code text}, or -1 when it is not a number. */
    static int parse(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return -1;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return value.length() > 9 ? -1 : Integer.parseInt(value);
        }
        if (!value.contains("十")) {
            return digitByDigit(value);
        }
        int ten = value.indexOf('十');
        int tens = ten == 0 ? 1 : digit(value.charAt(ten - 1));
        int ones = ten == value.length() - 1 ? 0 : digit(value.charAt(ten + 1));
        if (tens < 0 || ones < 0 || ten > 1 || value.length() - ten > 2) {
            return -1;
        }
        return tens * 10 + ones;
    }

    private static int digitByDigit(String value) {
        int result = 0;
        for (int i = 0; i < value.length(); i++) {
            int digit = digit(value.charAt(i));
            if (digit < 0) {
                return -1;
            }
            result = result * 10 + digit;
        }
        return result;
    }

    private static int digit(char c) {
        if (c == '〇' || c == '○' || c == 'Ｏ' || c == 'O') {
            return 0;
        }
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return DIGITS.indexOf(c);
    }
}
