package novalab.web.lab;

import novalab.web.Chrome;

/** The terminal page: the terminal, its numbered history with "rewind to before N", and "Reset sandbox". */
public record TerminalPage(Chrome chrome, TerminalView terminal) {}
