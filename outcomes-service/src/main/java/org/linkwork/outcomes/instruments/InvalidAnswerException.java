package org.linkwork.outcomes.instruments;

/** An answer is missing, not an item of the instrument, not a whole number or out of the item's range. */
public class InvalidAnswerException extends RuntimeException {

    private final String item;
    private final String reason;

    public InvalidAnswerException(String item, String reason) {
        super(item + ": " + reason);
        this.item = item;
        this.reason = reason;
    }

    public String item() {
        return item;
    }

    public String reason() {
        return reason;
    }
}
