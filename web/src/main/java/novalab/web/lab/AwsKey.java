package novalab.web.lab;

/** A student's EC2 credentials for the real {@code aws} client: the key id picks their sandbox; the secret is not checked. */
public record AwsKey(String accessKeyId, String secretAccessKey) {}
