package novalab.engine.cli.openstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.api.ComputeApi;
import novalab.engine.cli.ArgParser;
import novalab.engine.cli.Cell;
import novalab.engine.cli.Listing;
import novalab.engine.cli.ParseResult;
import novalab.engine.cli.ShowOne;
import novalab.engine.common.CloudError;
import novalab.engine.db.KeyPair;

/** The {@code openstack keypair ...} commands (openstackclient/compute/v2/keypair.py, through openstacksdk at 2.10). */
final class KeypairCommands {
    private KeypairCommands() {}

    static ShowOne table(KeyPair k, boolean created) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("created_at", created ? Cell.NONE : k.createdAt());
        m.put("fingerprint", k.fingerprint());
        m.put("id", k.name());
        m.put("is_deleted", created ? Cell.NONE : (Object) false);
        m.put("name", k.name());
        if (!created) m.put("private_key", Cell.NONE);
        m.put("type", k.type());
        m.put("user_id", k.userId());
        return ShowOne.sorted(m);
    }

    static final class KeypairCreate extends OscCommand {
        String name() { return "keypair create"; }
        String description() { return "Create new public or private key for server ssh access"; }
        void arguments(ArgParser p) {
            p.option("--public-key", "<file>", "Filename for public key to add. If not used, creates a private key.")
             .option("--private-key", "<file>", "Filename for private key to save. If not used, print private key in console.")
             .option("--type", "<type>", "Keypair type (supported by --os-compute-api-version 2.2 or above)")
             .choices("--type", List.of("ssh", "x509"))
             .option("--user", "<user>", "The owner of the keypair (admin only) (name or ID) (supported by --os-compute-api-version 2.10 or above)")
             .option("--user-domain", "<user-domain>", "Domain the user belongs to (name or ID). This can be used in case collisions between user names exist.")
             .mutuallyExclusive("--public-key", "--private-key")
             .positional("<name>", "New public or private key name");
        }
        int execute(OscContext ctx, ParseResult a) {
            Optional<String> pub = Optional.empty();
            if (a.opt("--public-key").isPresent()) {
                String file = a.opt("--public-key").get();
                String path = ctx.inv().path(file);
                var entry = ctx.inv().fs().file(path);
                if (entry.isEmpty()) {
                    throw new OscError("Key file " + file + " not found: [Errno 2] No such file or directory: '" + file + "'");
                }
                pub = Optional.of(entry.get().content());
            }
            ComputeApi.CreatedKeyPair kp = ctx.compute().createKeyPair(ctx.token(), a.get("<name>"), pub, a.opt("--type").orElse("ssh"));
            if (a.opt("--private-key").isPresent()) {
                String path = ctx.inv().path(a.opt("--private-key").get());
                if (!ctx.inv().fs().isDirectory(novalab.engine.shell.VirtualFs.parent(path))) {
                    throw new OscError("Key file " + a.opt("--private-key").get() + " can not be saved: [Errno 2] No such file or directory: '"
                            + a.opt("--private-key").get() + "'");
                }
                ctx.inv().fs().write(path, kp.privateKey().orElse(""), 0644, ctx.inv().node().user());
                ctx.print(table(kp.keyPair(), true));
            } else if (kp.privateKey().isPresent()) {
                ctx.out(kp.privateKey().get());
            } else {
                ctx.print(table(kp.keyPair(), true));
            }
            return 0;
        }
    }

    static final class KeypairList extends OscCommand {
        String name() { return "keypair list"; }
        String description() { return "List key fingerprints"; }
        Kind kind() { return Kind.LIST; }
        void arguments(ArgParser p) {
            p.option("--user", "<user>", "Show keypairs for another user (admin only) (name or ID).")
             .option("--project", "<project>", "Show keypairs for all users associated with project (admin only) (name or ID).")
             .option("--limit", "<limit>", "Maximum number of keypairs to display")
             .option("--marker", "<marker>", "The last keypair ID of the previous page");
        }
        int execute(OscContext ctx, ParseResult a) {
            List<List<Object>> rows = new ArrayList<>();
            for (KeyPair k : ctx.compute().keyPairs(ctx.token())) rows.add(List.of(k.name(), k.fingerprint(), k.type()));
            ctx.print(new Listing(List.of("Name", "Fingerprint", "Type"), rows));
            return 0;
        }
    }

    static final class KeypairShow extends OscCommand {
        String name() { return "keypair show"; }
        String description() { return "Display key details"; }
        void arguments(ArgParser p) {
            p.flag("--public-key", "Show only bare public key paired with the generated key")
             .option("--user", "<user>", "The owner of the keypair (admin only) (name or ID)")
             .positional("<key>", "Public or private key to display (name only)");
        }
        int execute(OscContext ctx, ParseResult a) {
            KeyPair k;
            try {
                k = ctx.compute().keyPair(ctx.token(), a.get("<key>"));
            } catch (CloudError e) {
                if (e.status() == 404) throw new OscError("No Keypair found for " + a.get("<key>"));
                throw e;
            }
            if (a.flag("--public-key")) {
                ctx.out(k.publicKey().endsWith("\n") ? k.publicKey() : k.publicKey() + "\n");
                return 0;
            }
            ctx.print(table(k, false));
            return 0;
        }
    }

    static final class KeypairDelete extends OscCommand {
        String name() { return "keypair delete"; }
        String description() { return "Delete public or private key(s)"; }
        Kind kind() { return Kind.PLAIN; }
        void arguments(ArgParser p) {
            p.option("--user", "<user>", "System-wide unique user ID or name of the keypair owner (admin only)")
             .positionals("<key>", "Name of key(s) to delete (name only)");
        }
        int execute(OscContext ctx, ParseResult a) {
            ctx.deleteEach(a.list("<key>"), "keys", k -> {
                try {
                    ctx.compute().deleteKeyPair(ctx.token(), k);
                } catch (CloudError e) {
                    throw e.status() == 404 ? new OscError("No Keypair found for " + k) : e;
                }
            }, (k, msg) -> "Failed to delete key with name '" + k + "': " + msg);
            return 0;
        }
    }
}
