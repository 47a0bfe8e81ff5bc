package novalab.engine.cli;

import java.util.Objects;

/**
 * Special cell values of cliff's output model: Python's {@code None} and cliff's {@code FormattableColumn}.
 *
 * <p>Every other cell is a plain value: {@code String}, {@code Integer}/{@code Long} (Python int), {@code Double}
 * (Python float), {@code Boolean}, a {@code Map} (Python dict, printed in its iteration order) or a {@code List}.
 */
public sealed interface Cell permits Cell.Nothing, Cell.Formatted {

    /** Python's {@code None}: {@code None} in table, value, csv and shell output, {@code null} in json and yaml. */
    Cell NONE = Nothing.NONE;

    /** The single-valued type behind {@link #NONE}. */
    enum Nothing implements Cell {
        NONE;

        @Override
        public String toString() { return "None"; }
    }

    /**
     * Simulates cliff.columns.FormattableColumn: the table shows {@code human}; every other format uses
     * {@code machine} (json and yaml as a structure, value, csv and shell as Python's {@code str()} of it).
     */
    record Formatted(Object machine, String human) implements Cell {
        public Formatted {
            Objects.requireNonNull(machine, "machine");
            Objects.requireNonNull(human, "human");
        }
    }
}
