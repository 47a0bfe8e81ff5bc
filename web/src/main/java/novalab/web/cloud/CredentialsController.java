package novalab.web.cloud;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import novalab.web.Access;
import novalab.web.Chrome;
import novalab.web.Role;
import novalab.web.api.Ec2Api;
import novalab.web.api.OpenStackApi;
import novalab.web.api.PublicUrl;
import novalab.web.lab.AwsKey;
import novalab.web.lab.LabSessions;

/**
 * "Use your own CLI": the page and the {@code clouds.yaml} and openrc downloads that point the real
 * {@code openstack} client at the signed-in student's sandbox, and the {@code ~/.aws/config} and
 * {@code ~/.aws/credentials} downloads for the real {@code aws} client (profile {@value #AWS_PROFILE}), with URLs built
 * from the request's own host (or a proxy's {@code X-Forwarded-Proto}/{@code X-Forwarded-Host}).
 */
public final class CredentialsController {
    /** The cloud's name in {@code clouds.yaml}: {@code openstack --os-cloud nebula ...}. */
    public static final String CLOUD = "nebula";
    /** The scenario's project user (content/week9/scenario/nebula-openrc.sh). */
    static final String USER = "nebula_admin";
    static final String PASSWORD = "N3bulaPass";
    static final String PROJECT = "nebula_prod";
    /** The profile the {@code ~/.aws} downloads define: {@code aws --profile nova-lab --endpoint-url … ec2 …}. */
    public static final String AWS_PROFILE = "nova-lab";

    private final LabSessions labs;

    public CredentialsController(LabSessions labs) {
        this.labs = labs;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/cloud/credentials", this::page, Role.STUDENT, Role.INSTRUCTOR);
        routes.get("/cloud/credentials/clouds.yaml", this::cloudsYaml, Role.STUDENT, Role.INSTRUCTOR);
        routes.get("/cloud/credentials/openrc.sh", this::openrc, Role.STUDENT, Role.INSTRUCTOR);
        routes.get("/cloud/credentials/aws-config", this::awsConfig, Role.STUDENT, Role.INSTRUCTOR);
        routes.get("/cloud/credentials/aws-credentials", this::awsCredentials, Role.STUDENT, Role.INSTRUCTOR);
    }

    /** {@code http(s)://<host as the browser sent it>/sandbox/<the student's API id>}. */
    private String base(Context ctx) {
        return PublicUrl.of(ctx) + OpenStackApi.PREFIX + labs.apiId(Access.user(ctx));
    }

    /** The {@code --endpoint-url} of the EC2 API: {@code http(s)://<host>/ec2}. */
    private static String ec2Url(Context ctx) {
        return PublicUrl.of(ctx) + Ec2Api.PATH;
    }

    /** {@code ~/.aws/config}: the profile's region and output, and its endpoint (honoured by aws CLI 2.13 and later). */
    public static String awsConfig(String endpoint) {
        return "# Nova Lab: the real aws client (awscli 2.9 from Debian) against your lab sandbox.\n"
                + "# awscli before 2.13 ignores endpoint_url: pass it on every call instead:\n"
                + "#   aws --profile " + AWS_PROFILE + " --endpoint-url " + endpoint + " ec2 describe-instances\n"
                + "[profile " + AWS_PROFILE + "]\n"
                + "region = RegionOne\n"
                + "output = json\n"
                + "endpoint_url = " + endpoint + "\n";
    }

    /** {@code ~/.aws/credentials}: the student's access key (it picks the sandbox) and a secret the lab does not check. */
    public static String awsCredentials(AwsKey key) {
        return "# Nova Lab: your sandbox's EC2 access key. The key id selects your sandbox: keep it to yourself.\n"
                + "[" + AWS_PROFILE + "]\n"
                + "aws_access_key_id = " + key.accessKeyId() + "\n"
                + "aws_secret_access_key = " + key.secretAccessKey() + "\n";
    }

    private void page(Context ctx) {
        Chrome chrome = Chrome.of(ctx, "Use your own CLI");
        String base = base(ctx);
        AwsKey key = labs.awsKey(Access.user(ctx));
        ctx.render("cloud/credentials.jte", Map.of("page", new CredentialsPage(chrome, CLOUD, base + "/identity/v3",
                OpenStackApi.cloudsYaml(CLOUD, base, USER, PASSWORD, PROJECT), ec2Url(ctx), AWS_PROFILE, key.accessKeyId(),
                awsConfig(ec2Url(ctx)))));
    }

    private void cloudsYaml(Context ctx) {
        download(ctx, "clouds.yaml", "application/yaml; charset=utf-8", OpenStackApi.cloudsYaml(CLOUD, base(ctx), USER, PASSWORD, PROJECT));
    }

    private void openrc(Context ctx) {
        download(ctx, "nebula-openrc.sh", "text/plain; charset=utf-8", OpenStackApi.openrc(base(ctx), USER, PASSWORD, PROJECT));
    }

    private void awsConfig(Context ctx) {
        download(ctx, "config", "text/plain; charset=utf-8", awsConfig(ec2Url(ctx)));
    }

    private void awsCredentials(Context ctx) {
        download(ctx, "credentials", "text/plain; charset=utf-8", awsCredentials(labs.awsKey(Access.user(ctx))));
    }

    private static void download(Context ctx, String name, String type, String body) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(type);
        ctx.result(body);
    }
}
