package novalab.web.cloud;

import novalab.web.Chrome;
import novalab.web.lab.TerminalView;

/** The live view page: the panel beside the student's terminal, the diagrams below (both redraw after each command). */
public record CloudPage(Chrome chrome, CloudPanel panel, TerminalView terminal, CloudDiagrams diagrams) {}
