package novalab.engine.cli.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The CLI's shorthand syntax and its JSON alternative, as the parameters of filters, tags and permissions use them. */
class ShorthandTest {
    @Test
    void a_filter_with_several_values_is_a_name_and_a_list() {
        assertThat(Shorthand.parse("--filters", "Name=instance-type,Values=t2.micro,t3.micro").toString())
                .isEqualTo("{\"Name\":\"instance-type\",\"Values\":[\"t2.micro\",\"t3.micro\"]}");
    }

    @Test
    void tag_specifications_nest_a_list_of_structures() {
        assertThat(Shorthand.parse("--tag-specifications", "ResourceType=instance,Tags=[{Key=Name,Value=web1},{Key=env,Value=lab}]").toString())
                .isEqualTo("{\"ResourceType\":\"instance\",\"Tags\":[{\"Key\":\"Name\",\"Value\":\"web1\"},{\"Key\":\"env\",\"Value\":\"lab\"}]}");
    }

    @Test
    void ip_permissions_keep_quoted_descriptions_and_json_is_accepted_too() {
        assertThat(Shorthand.parse("--ip-permissions", "IpProtocol=tcp,FromPort=80,ToPort=80,IpRanges=[{CidrIp=0.0.0.0/0,Description=\"HTTP, web\"}]")
                .path("IpRanges").get(0).path("Description").asText()).isEqualTo("HTTP, web");
        assertThat(Shorthand.parse("--ip-permissions", "[{\"IpProtocol\":\"tcp\",\"FromPort\":22}]").get(0).path("FromPort").asInt()).isEqualTo(22);
    }

    @Test
    void broken_input_is_a_parameter_error_not_a_crash() {
        assertThatThrownBy(() -> Shorthand.parse("--filters", "Name")).isInstanceOf(AwsExit.class)
                .hasMessageContaining("Error parsing parameter '--filters'");
        assertThatThrownBy(() -> Shorthand.parse("--filters", "{bad json")).isInstanceOf(AwsExit.class)
                .hasMessageContaining("Invalid JSON");
    }
}
