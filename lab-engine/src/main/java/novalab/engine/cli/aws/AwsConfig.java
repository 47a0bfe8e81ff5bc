package novalab.engine.cli.aws;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import novalab.engine.shell.Invocation;

/**
 * What botocore resolves before a call: the profile, credentials (environment, then
 * {@code ~/.aws/credentials}, then {@code ~/.aws/config}), region and output format, with the CLI's
 * messages when they are missing (exit 253).
 */
record AwsConfig(String accessKey, String secretKey, String region, String output) {
    static final String NO_REGION = "You must specify a region. You can also configure your region by running \"aws configure\".";
    static final String NO_CREDENTIALS = "Unable to locate credentials. You can configure credentials by running \"aws configure\".";

    /** Resolves the settings; {@code cliRegion}/{@code cliOutput}/{@code cliProfile} are the global options, if given. */
    static AwsConfig resolve(Invocation inv, Optional<String> cliProfile, Optional<String> cliRegion, Optional<String> cliOutput,
                             boolean needCredentials) {
        String home = inv.node().home();
        String credFile = nonEmpty(inv.env("AWS_SHARED_CREDENTIALS_FILE")).orElse(home + "/.aws/credentials");
        String confFile = nonEmpty(inv.env("AWS_CONFIG_FILE")).orElse(home + "/.aws/config");
        Map<String, Map<String, String>> creds = ini(inv, credFile);
        Map<String, Map<String, String>> conf = ini(inv, confFile);
        Optional<String> namedProfile = cliProfile.or(() -> nonEmpty(inv.env("AWS_PROFILE")));
        String profile = namedProfile.orElse("default");
        Map<String, String> confSection = conf.getOrDefault(profile.equals("default") ? "default" : "profile " + profile, Map.of());
        Map<String, String> credSection = creds.getOrDefault(profile, Map.of());
        if (namedProfile.isPresent() && !creds.containsKey(profile) && !conf.containsKey("profile " + profile)
                && !(profile.equals("default") && conf.containsKey("default"))) {
            throw AwsExit.config("The config profile (" + profile + ") could not be found");
        }
        String output = cliOutput.or(() -> nonEmpty(inv.env("AWS_DEFAULT_OUTPUT"))).or(() -> nonEmpty(confSection.get("output"))).orElse("json");
        String region = cliRegion.or(() -> nonEmpty(inv.env("AWS_REGION"))).or(() -> nonEmpty(inv.env("AWS_DEFAULT_REGION")))
                .or(() -> nonEmpty(confSection.get("region"))).orElse("");
        if (region.isEmpty()) throw AwsExit.config(NO_REGION);
        String access;
        String secret;
        boolean envKey = !inv.env("AWS_ACCESS_KEY_ID").isEmpty();
        boolean envSecret = !inv.env("AWS_SECRET_ACCESS_KEY").isEmpty();
        if (namedProfile.isEmpty() && envKey != envSecret) {
            throw AwsExit.config("Partial credentials found in env, missing: " + (envKey ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID"));
        }
        if (namedProfile.isEmpty() && envKey && envSecret) {
            access = inv.env("AWS_ACCESS_KEY_ID");
            secret = inv.env("AWS_SECRET_ACCESS_KEY");
        } else if (credSection.containsKey("aws_access_key_id") && credSection.containsKey("aws_secret_access_key")) {
            access = credSection.get("aws_access_key_id");
            secret = credSection.get("aws_secret_access_key");
        } else {
            access = confSection.getOrDefault("aws_access_key_id", "");
            secret = confSection.getOrDefault("aws_secret_access_key", "");
        }
        if (needCredentials && (access.isEmpty() || secret.isEmpty())) throw AwsExit.config(NO_CREDENTIALS);
        return new AwsConfig(access, secret, region, output);
    }

    private static Optional<String> nonEmpty(String s) { return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s); }

    /** An INI file as botocore reads it: {@code [section]}, {@code key = value}, {@code #}/{@code ;} comments. */
    private static Map<String, Map<String, String>> ini(Invocation inv, String path) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Optional<String> text = inv.fs().file(path).map(f -> f.content());
        if (text.isEmpty()) return out;
        Map<String, String> cur = null;
        for (String raw : text.get().split("\n", -1)) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                cur = out.computeIfAbsent(line.substring(1, line.length() - 1).trim(), k -> new LinkedHashMap<>());
            } else if (cur != null && line.contains("=")) {
                cur.put(line.substring(0, line.indexOf('=')).trim(), line.substring(line.indexOf('=') + 1).trim());
            }
        }
        return out;
    }
}
