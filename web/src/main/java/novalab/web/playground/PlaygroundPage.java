package novalab.web.playground;

import java.util.List;
import novalab.web.Chrome;

/** The playground page: the student's recent evaluations, oldest first. */
public record PlaygroundPage(Chrome chrome, List<Playground.Shown> transcript) {}
