package novalab.engine.crypto;

/**
 * OpenSSH's "drunken bishop" key art (sshkey.c {@code fingerprint_randomart}): a bishop starts in the
 * middle of a 17x9 board and makes four diagonal moves per digest byte, low bits first; each square
 * shows how often it was visited, S marks the start and E the end.
 */
final class Randomart {
    private static final int WIDTH = 17;
    private static final int HEIGHT = 9;
    private static final String SYMBOLS = " .o+=*BOX@%&#/^SE";
    private static final int START = SYMBOLS.length() - 2;
    private static final int END = SYMBOLS.length() - 1;

    private Randomart() {}

    /** The art without a trailing newline, as {@code ssh-keygen} builds it before printing it with one. */
    static String render(String keyLabel, int bits, byte[] digest, String hashLabel) {
        int[][] field = new int[WIDTH][HEIGHT];
        int x = WIDTH / 2;
        int y = HEIGHT / 2;
        for (byte b : digest) {
            int input = b & 0xff;
            for (int step = 0; step < 4; step++) {
                x = clamp(x + ((input & 1) != 0 ? 1 : -1), WIDTH - 1);
                y = clamp(y + ((input & 2) != 0 ? 1 : -1), HEIGHT - 1);
                if (field[x][y] < START - 1) field[x][y]++;
                input >>= 2;
            }
        }
        field[WIDTH / 2][HEIGHT / 2] = START;
        field[x][y] = END;

        String title = "[" + keyLabel + " " + bits + "]";
        if (title.length() > WIDTH) title = "[" + keyLabel + "]";
        StringBuilder sb = new StringBuilder((WIDTH + 3) * (HEIGHT + 2));
        border(sb, title);
        sb.append('\n');
        for (int row = 0; row < HEIGHT; row++) {
            sb.append('|');
            for (int col = 0; col < WIDTH; col++) sb.append(SYMBOLS.charAt(Math.min(field[col][row], END)));
            sb.append("|\n");
        }
        border(sb, "[" + hashLabel + "]");
        return sb.toString();
    }

    private static int clamp(int v, int max) { return Math.max(0, Math.min(max, v)); }

    /** {@code +}, dashes with the label centred (the odd dash goes right), {@code +}; C's 17-byte buffer keeps 16 characters. */
    private static void border(StringBuilder sb, String label) {
        String text = label.length() >= WIDTH ? label.substring(0, WIDTH - 1) : label;
        int left = (WIDTH - text.length()) / 2;
        sb.append('+').append("-".repeat(left)).append(text).append("-".repeat(WIDTH - left - text.length())).append('+');
    }
}
