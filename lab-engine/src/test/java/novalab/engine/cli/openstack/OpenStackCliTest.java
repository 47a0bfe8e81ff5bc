package novalab.engine.cli.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import novalab.engine.Sandbox;
import novalab.engine.shell.ExecResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The openstack client's own voice: usage errors, find failures, multi-delete reports, formats. */
class OpenStackCliTest {
    private final Sandbox box = Sandbox.create(c -> c.driver = "fake");

    @BeforeEach
    void login() { box.run("source nebula-openrc.sh"); }

    @AfterEach
    void close() { box.close(); }

    @Test
    void a_mistyped_command_is_not_an_openstack_command_and_suggests_close_ones() {
        ExecResult r = box.run("openstack flavour list");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("openstack: 'flavour list' is not an openstack command. See 'openstack --help'.\n"
                + "Did you mean one of these?\n  flavor create\n");
    }

    @Test
    void a_missing_required_option_is_an_argparse_usage_error_with_status_2() {
        ExecResult r = box.run("openstack server create vm1");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("usage: openstack server create [-h]")
                .endsWith("openstack server create: error: the following arguments are required: --flavor\n");
    }

    @Test
    void unknown_names_get_oscs_find_messages() {
        assertThat(box.run("openstack flavor show m1.nosuch").stderr()).isEqualTo("No Flavor found for m1.nosuch\n");
        assertThat(box.run("openstack server show nosuch").stderr()).isEqualTo("No server with a name or ID of 'nosuch' exists.\n");
        assertThat(box.run("openstack server create --flavor m1.tiny --image nosuch vm").stderr()).isEqualTo("No Image found for nosuch\n");
        assertThat(box.run("openstack server create --flavor m1.tiny --image cirros --network nosuch vm").stderr())
                .isEqualTo("Error while executing command: No Network found for nosuch\n");
    }

    @Test
    void deleting_several_keys_reports_each_failure_and_the_count() {
        box.run("openstack keypair create --public-key /dev/null bad");
        box.run("openstack keypair create k1 > /dev/null");
        ExecResult r = box.run("openstack keypair delete k1 nosuch");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("Failed to delete key with name 'nosuch': No Keypair found for nosuch\n1 of 2 keys failed to delete.\n");
        assertThat(box.run("openstack keypair list -f value").stdout()).isEmpty();
    }

    @Test
    void json_output_keeps_types_and_value_output_is_bare() {
        String json = box.run("openstack flavor show m1.tiny -f json").stdout();
        assertThat(json).contains("\"ram\": 512,").contains("\"os-flavor-access:is_public\": true,").contains("\"swap\": \"\",");
        assertThat(box.run("openstack flavor list -f value -c Name").stdout()).startsWith("m1.tiny\nm1.small\n");
    }

    @Test
    void a_duplicate_keypair_is_novas_409_through_the_sdk() {
        box.run("openstack keypair create k > /dev/null");
        ExecResult r = box.run("openstack keypair create k");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("ConflictException: 409: Client Error for url: http://controller:8774/v2.1/os-keypairs, Key pair 'k' already exists.\n");
    }

    @Test
    void properties_are_kept_and_nic_none_gives_a_server_without_a_network() {
        box.run("openstack server create --flavor m1.tiny --image cirros --nic none --property owner=web-team bare --wait");
        assertThat(box.run("openstack server show bare -f value -c addresses -c properties").stdout()).isEqualTo("{}\n{'owner': 'web-team'}\n");
        assertThat(box.run("openstack port list -f value").stdout()).isEmpty();
    }
}
