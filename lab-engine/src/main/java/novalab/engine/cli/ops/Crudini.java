package novalab.engine.cli.ops;

import java.util.List;
import java.util.Optional;
import novalab.engine.conf.IniFile;
import novalab.engine.shell.Invocation;
import novalab.engine.shell.Program;
import novalab.engine.shell.VirtualFs;

/** crudini 0.9: {@code --set}, {@code --get}, {@code --del} on an INI file, keeping its comments and order. */
public final class Crudini implements Program {
    private static final String USAGE = """
            A utility for manipulating ini files

            Usage: crudini --set [OPTION]...   config_file section   [param] [value]
              or:  crudini --get [OPTION]...   config_file [section] [param]
              or:  crudini --del [OPTION]...   config_file section   [param] [list value]
              or:  crudini --merge [OPTION]... config_file [section]
            """;

    @Override
    public int run(Invocation inv) {
        List<String> a = inv.args();
        if (a.isEmpty() || !(a.get(0).equals("--set") || a.get(0).equals("--get") || a.get(0).equals("--del"))) {
            if (!a.isEmpty() && (a.get(0).equals("--help") || a.get(0).equals("-h"))) {
                inv.out(USAGE);
                return 0;
            }
            inv.err(USAGE);
            return 1;
        }
        String mode = a.get(0);
        List<String> rest = a.subList(1, a.size()).stream().filter(x -> !x.startsWith("--")).toList();
        if (rest.isEmpty() || (!mode.equals("--get") && rest.size() < 2)) {
            inv.err(USAGE);
            return 1;
        }
        String file = rest.get(0);
        String path = inv.path(file);
        Optional<VirtualFs.FileEntry> entry = inv.fs().file(path);
        if (entry.isEmpty() && !mode.equals("--set")) {
            inv.errln("crudini: [Errno 2] No such file or directory: '" + file + "'");
            return 1;
        }
        IniFile ini = IniFile.parse(entry.map(VirtualFs.FileEntry::content).orElse(""));
        switch (mode) {
            case "--get" -> {
                if (rest.size() == 1) {
                    ini.sections().forEach(inv::outln);
                    return 0;
                }
                String section = rest.get(1);
                if (!ini.hasSection(section)) {
                    inv.errln("Section not found: " + section);
                    return 1;
                }
                if (rest.size() == 2) {
                    ini.keys(section).forEach(inv::outln);
                    return 0;
                }
                Optional<String> v = ini.get(section, rest.get(2));
                if (v.isEmpty()) {
                    inv.errln("Parameter not found: " + rest.get(2));
                    return 1;
                }
                inv.outln(v.get());
                return 0;
            }
            case "--set" -> {
                String section = rest.get(1);
                if (rest.size() == 2) {
                    if (!ini.hasSection(section)) ini.set(section, "__placeholder__", "");
                    ini.delete(section, "__placeholder__");
                } else {
                    ini.set(section, rest.get(2), rest.size() > 3 ? String.join(" ", rest.subList(3, rest.size())) : "");
                }
            }
            default -> {
                String section = rest.get(1);
                if (rest.size() == 2) ini.deleteSection(section);
                else ini.delete(section, rest.get(2));
            }
        }
        inv.fs().write(path, ini.text(), entry.map(VirtualFs.FileEntry::mode).orElse(0644), entry.map(VirtualFs.FileEntry::owner).orElse("root"));
        return 0;
    }
}
