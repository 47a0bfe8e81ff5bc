package novalab.web.cloud;

import novalab.web.Chrome;

/** The "use your own CLI" page: the cloud's name, the sandbox's {@code OS_AUTH_URL} and the {@code clouds.yaml} shown inline. */
public record CredentialsPage(Chrome chrome, String cloud, String authUrl, String cloudsYaml) {}
