package novalab.web.cloud;

import novalab.web.Chrome;

/**
 * The "use your own CLI" page: the cloud's name, the sandbox's {@code OS_AUTH_URL} and the {@code clouds.yaml} shown
 * inline; the EC2 endpoint ({@code --endpoint-url}), the {@code ~/.aws} profile name, the student's access key id and the
 * {@code ~/.aws/config} shown inline.
 */
public record CredentialsPage(Chrome chrome, String cloud, String authUrl, String cloudsYaml, String ec2Url, String awsProfile,
                              String accessKeyId, String awsConfig) {}
