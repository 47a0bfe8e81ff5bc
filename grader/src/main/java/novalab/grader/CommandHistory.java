package novalab.grader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A student's history: JSON Lines of {@code {"t": ms_offset, "cmd": "..."}} (other keys are ignored), or
 * plain text with one command per line, typed 1 s apart. Blank lines are skipped. Keeps the SHA-256 of
 * the exact bytes for the receipt.
 */
public record CommandHistory(List<RecordedCommand> commands, String sha256) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public CommandHistory {
        commands = List.copyOf(commands);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a history; throws {@link HistoryFormatError} naming the line for unreadable input or an empty history. */
    public static CommandHistory parse(byte[] bytes) {
        String sha = sha256(bytes);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new HistoryFormatError("the history is not UTF-8 text");
        }
        if (text.indexOf('\0') >= 0) throw new HistoryFormatError("the history is binary, not text");
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String[] lines = text.split("\r?\n", -1);
        String first = "";
        for (String l : lines) {
            if (!l.isBlank()) {
                first = l.strip();
                break;
            }
        }
        if (first.isEmpty()) throw new HistoryFormatError("the history is empty: no command was recorded");
        List<RecordedCommand> out = new ArrayList<>();
        if (first.startsWith("{")) {
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) continue;
                out.add(jsonLine(lines[i], i + 1));
            }
        } else {
            long t = 0;
            for (String l : lines) {
                if (l.isBlank()) continue;
                out.add(new RecordedCommand(t, l));
                t += 1000;
            }
        }
        return new CommandHistory(out, sha);
    }

    private static RecordedCommand jsonLine(String line, int number) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new HistoryFormatError("line " + number + ": not valid JSON");
        }
        if (n == null || !n.isObject()) throw new HistoryFormatError("line " + number + ": expected a JSON object {\"t\": ms, \"cmd\": \"...\"}");
        JsonNode t = n.get("t");
        JsonNode cmd = n.get("cmd");
        if (t == null || !t.canConvertToLong() || !t.isIntegralNumber() || t.asLong() < 0) {
            throw new HistoryFormatError("line " + number + ": \"t\" must be a whole number of milliseconds, 0 or more");
        }
        if (cmd == null || !cmd.isTextual()) throw new HistoryFormatError("line " + number + ": \"cmd\" must be a string");
        return new RecordedCommand(t.asLong(), cmd.asText());
    }
}
