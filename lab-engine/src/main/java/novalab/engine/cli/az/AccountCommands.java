package novalab.engine.cli.az;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** {@code az login}, {@code az logout}, {@code az account show}: the scenario's simulated Azure account. */
final class AccountCommands {
    private AccountCommands() {}

    static List<AzCommand> all() { return List.of(new Login(), new Logout(), new AccountShow()); }

    static ObjectNode subscription(AzContext ctx) {
        ObjectNode o = AzOutput.object();
        o.put("cloudName", "AzureCloud");
        o.put("homeTenantId", ctx.registry().tenantId());
        o.put("id", ctx.registry().subscriptionId());
        o.put("isDefault", true);
        o.putArray("managedByTenants");
        o.put("name", AzureRegistry.SUBSCRIPTION_NAME);
        o.put("state", "Enabled");
        o.put("tenantId", ctx.registry().tenantId());
        ObjectNode user = o.putObject("user");
        user.put("name", AzureRegistry.KEYSTONE_USER + "@nebula-inc.example");
        user.put("type", "user");
        return o;
    }

    /** {@code az login}: the browser flow is simulated; prints the subscriptions (one). */
    static final class Login implements AzCommand {
        public String name() { return "login"; }

        public AzArgs.Spec spec() {
            return new AzArgs.Spec("Log in to Azure.").one("--username -u", "User name, service principal, or managed service identity ID.")
                    .one("--password -p", "Credentials like user password, or for a service principal, provide client secret or a pem file with key and public certificate.")
                    .one("--tenant -t", "The AAD tenant, must provide when using service principals.")
                    .flag("--use-device-code", "Use CLI's old authentication flow based on device code.");
        }

        public boolean needsLogin() { return false; }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            ctx.token();
            ctx.registry().login();
            if (!a.has("--username")) {
                ctx.inv().errln("A web browser has been opened at https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize. "
                        + "Please continue the login in the web browser. If no web browser is available or if the web browser fails to open, "
                        + "use device code flow with `az login --use-device-code`.");
            }
            ArrayNode list = AzOutput.NODES.arrayNode();
            list.add(subscription(ctx));
            return Optional.of(list);
        }
    }

    static final class Logout implements AzCommand {
        public String name() { return "logout"; }

        public AzArgs.Spec spec() { return new AzArgs.Spec("Log out to remove access to Azure subscriptions.").one("--username", "Account user, if missing, logout the current active account."); }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            ctx.registry().logout();
            return Optional.empty();
        }
    }

    static final class AccountShow implements AzCommand {
        public String name() { return "account show"; }

        public AzArgs.Spec spec() { return new AzArgs.Spec("Get the details of a subscription."); }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            ObjectNode o = subscription(ctx);
            o.put("environmentName", "AzureCloud");
            o.remove("cloudName");
            return Optional.of(o);
        }
    }
}
