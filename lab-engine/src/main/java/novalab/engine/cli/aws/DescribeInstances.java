package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import novalab.engine.api.ServerView;

/** {@code aws ec2 describe-instances}: the project's Nova servers, grouped into one reservation per launch request. */
final class DescribeInstances implements Ec2Operation {
    private record Row(String reservation, ObjectNode instance) {}

    private static final Map<String, Function<Row, List<String>>> FILTERS = new LinkedHashMap<>();

    static {
        FILTERS.put("instance-state-name", r -> List.of(r.instance().path("State").path("Name").asText()));
        FILTERS.put("instance-state-code", r -> List.of(r.instance().path("State").path("Code").asText()));
        FILTERS.put("instance-id", r -> List.of(r.instance().path("InstanceId").asText()));
        FILTERS.put("instance-type", r -> List.of(r.instance().path("InstanceType").asText()));
        FILTERS.put("image-id", r -> List.of(r.instance().path("ImageId").asText()));
        FILTERS.put("key-name", r -> List.of(r.instance().path("KeyName").asText()));
        FILTERS.put("availability-zone", r -> List.of(r.instance().path("Placement").path("AvailabilityZone").asText()));
        FILTERS.put("private-ip-address", r -> List.of(r.instance().path("PrivateIpAddress").asText()));
        FILTERS.put("ip-address", r -> List.of(r.instance().path("PublicIpAddress").asText()));
        FILTERS.put("vpc-id", r -> List.of(r.instance().path("VpcId").asText()));
        FILTERS.put("subnet-id", r -> List.of(r.instance().path("SubnetId").asText()));
        FILTERS.put("reservation-id", r -> List.of(Ec2Names.reservationId(r.reservation())));
        FILTERS.put("instance.group-id", r -> values(r.instance().path("SecurityGroups"), "GroupId"));
        FILTERS.put("instance.group-name", r -> values(r.instance().path("SecurityGroups"), "GroupName"));
        FILTERS.put("tag-key", r -> values(r.instance().path("Tags"), "Key"));
        FILTERS.put("tag:", r -> {
            List<String> kv = new ArrayList<>();
            r.instance().path("Tags").forEach(t -> kv.add(t.path("Key").asText() + "=" + t.path("Value").asText()));
            return kv;
        });
    }

    private static List<String> values(JsonNode arr, String field) {
        List<String> out = new ArrayList<>();
        arr.forEach(x -> out.add(x.path(field).asText()));
        return out;
    }

    public String name() { return "describe-instances"; }
    public String apiName() { return "DescribeInstances"; }

    public Ec2Request.Spec spec() {
        return new Ec2Request.Spec().list("--instance-ids").structs("--filters").flag("--dry-run")
                .integer("--max-items", "--page-size").string("--starting-token");
    }

    public Optional<JsonNode> execute(Ec2Context ctx, Ec2Request req) {
        return Optional.of(describe(ctx, req.list("--instance-ids"), req.structs("--filters"), req.flag("--dry-run")));
    }

    static ObjectNode describe(Ec2Context ctx, List<String> ids, List<JsonNode> filters, boolean dryRun) {
        for (String id : ids) {
            if (!Ec2Names.wellFormed("i", id)) throw new Ec2Error("InvalidInstanceID.Malformed", "Invalid id: \"" + id + "\"");
        }
        List<Row> rows = new ArrayList<>();
        List<ServerView> servers = new ArrayList<>(ctx.servers());
        java.util.Collections.reverse(servers);
        for (ServerView v : servers) rows.add(new Row(ctx.compute().instanceOf(ctx.token(), v.id()).reservationId, ctx.instanceJson(v)));
        ctx.terminated().visible(ctx.nowMs()).forEach((iid, g) -> {
            if (rows.stream().noneMatch(r -> r.instance().path("InstanceId").asText().equals(iid))) rows.add(new Row(g.novaReservationId(), g.instance()));
        });
        List<String> missing = ids.stream().filter(id -> rows.stream().noneMatch(r -> r.instance().path("InstanceId").asText().equals(id))).toList();
        if (missing.size() == 1) throw new Ec2Error("InvalidInstanceID.NotFound", "The instance ID '" + missing.get(0) + "' does not exist");
        if (!missing.isEmpty()) throw new Ec2Error("InvalidInstanceID.NotFound", "The instance IDs '" + String.join(", ", missing) + "' do not exist");
        if (dryRun) throw RunInstances.dryRun();
        List<Row> kept = rows.stream().filter(r -> ids.isEmpty() || ids.contains(r.instance().path("InstanceId").asText())).toList();
        kept = Filters.apply(filters, FILTERS, kept);
        Map<String, ArrayNode> byReservation = new LinkedHashMap<>();
        for (Row r : kept) byReservation.computeIfAbsent(r.reservation(), k -> AwsJson.arr()).add(r.instance());
        ArrayNode reservations = AwsJson.arr();
        byReservation.forEach((res, insts) -> reservations.add(ctx.reservation(res, insts)));
        return AwsJson.obj().set("Reservations", reservations);
    }
}
