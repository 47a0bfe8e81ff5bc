package novalab.engine.scheduler;

import java.util.Comparator;
import org.assertj.core.api.Assertions;
import org.assertj.core.data.Offset;
import org.assertj.core.util.DoubleComparator;

/** The tolerance every weight assertion uses: 1e-9, for a single value or element by element. */
public final class Tolerance {
    public static final Offset<Double> EXACT = Assertions.within(1e-9);
    public static final Comparator<Double> WEIGHTS = new DoubleComparator(1e-9);

    private Tolerance() {}
}
