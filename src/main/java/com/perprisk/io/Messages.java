package com.perprisk.io;

/** Text for one-line messages: every problem the app or a command reports fits on one line. */
public final class Messages {
    private Messages() {
    }

    /**
     * The text with line breaks, tabs and other control or invisible characters written as escapes ({@code \n},
     * {@code \u0007}), so that a value read from a file never splits one problem over two lines.
     */
    public static String oneLine(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                        || Character.getType(c) == Character.FORMAT ? String.format("\\u%04x", (int) c) : null;
            };
            if (escape != null && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb != null) {
                if (escape != null) {
                    sb.append(escape);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }
}
