/**
 * Emulator core shared by the CLIs: cliff's output model and formatters (table, json, value, yaml, csv, shell) and an
 * argparse-compatible parser, so commands print exactly what python-openstackclient 6.0 prints.
 */
package novalab.engine.cli;
