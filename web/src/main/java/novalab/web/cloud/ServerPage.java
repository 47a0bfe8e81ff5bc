package novalab.web.cloud;

import novalab.web.Chrome;
import novalab.web.lab.TerminalView;

/** One server's page: its request flow, lifecycle and reachability, with the terminal below. */
public record ServerPage(Chrome chrome, String id, String name, String refreshUrl, CloudDiagrams diagrams, TerminalView terminal) {}
