/** nova.conf as a file (IniFile) and the typed, frozen option records the services read from it. */
package novalab.engine.conf;
