// The interop client for Huawei's Java SDK (huaweicloud-sdk-dli), used as shipped: it reads a JSON
// list of operations on stdin and prints one JSON answer per operation, in wire names, for
// scripts/interop/run.mjs to compare with raw HTTP.
package interop;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.dli.v1.DliClient;
import com.huaweicloud.sdk.dli.v1.model.EnhancedConnection;
import com.huaweicloud.sdk.dli.v1.model.EnhancedConnectionHost;
import com.huaweicloud.sdk.dli.v1.model.EnhancedConnectionResource;
import com.huaweicloud.sdk.dli.v1.model.ListEnhancedConnectionsRequest;
import com.huaweicloud.sdk.dli.v1.model.ListEnhancedConnectionsResponse;
import com.huaweicloud.sdk.dli.v1.model.ShowEnhancedConnectionRequest;
import com.huaweicloud.sdk.dli.v1.model.ShowEnhancedConnectionResponse;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

public final class Main {
  private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  static DliClient newClient() {
    // snippet:start java
    BasicCredentials credentials = new BasicCredentials()
        .withAk(System.getenv("HUAWEICLOUD_SDK_AK"))
        .withSk(System.getenv("HUAWEICLOUD_SDK_SK"))
        .withSecurityToken(System.getenv("HUAWEICLOUD_SDK_SECURITY_TOKEN")) // temporary keys only
        .withProjectId(System.getenv("HUAWEICLOUD_SDK_PROJECT_ID"));
    DliClient client = DliClient.newBuilder()
        .withCredential(credentials)
        .withEndpoint(System.getenv("DLI_ENDPOINT")) // the URL dli-mock prints
        .build();
    // snippet:end java
    return client;
  }

  /** The JSON names of a model's fields: what the SDK can read from an answer. */
  static List<String> wireNames(Class<?> model) {
    List<String> names = new ArrayList<>();
    for (Field field : model.getDeclaredFields()) {
      JsonProperty property = field.getAnnotation(JsonProperty.class);
      if (property != null) names.add(property.value());
    }
    return names;
  }

  /** The model as the wire names it: only the fields the model declares, nulls left out. */
  static ObjectNode wire(Object model) {
    ObjectNode all = JSON.valueToTree(model);
    ObjectNode kept = JSON.createObjectNode();
    for (String name : wireNames(model.getClass())) {
      if (all.has(name)) kept.set(name, all.get(name));
    }
    return kept;
  }

  static Integer integer(JsonNode op, String name) {
    return op.hasNonNull(name) ? op.get(name).asInt() : null;
  }

  static String text(JsonNode op, String name) {
    return op.hasNonNull(name) ? op.get(name).asText() : null;
  }

  static JsonNode run(DliClient client, JsonNode op) {
    switch (op.get("op").asText()) {
      case "list":
        return wire(client.listEnhancedConnections(new ListEnhancedConnectionsRequest()
            .withLimit(integer(op, "limit")).withOffset(integer(op, "offset"))
            .withStatus(text(op, "status")).withName(text(op, "name")).withTags(text(op, "tags"))));
      case "walk": {
        ArrayNode all = JSON.createArrayNode();
        int pages = 0;
        int offset = 0;
        while (true) {
          ListEnhancedConnectionsResponse page = client.listEnhancedConnections(
              new ListEnhancedConnectionsRequest().withLimit(integer(op, "limit")).withOffset(offset));
          pages++;
          List<EnhancedConnection> connections = page.getConnections();
          if (connections == null || connections.isEmpty()) break;
          for (EnhancedConnection connection : connections) all.add(JSON.valueToTree(connection));
          offset += connections.size();
        }
        ObjectNode walk = JSON.createObjectNode();
        walk.put("pages", pages);
        walk.set("connections", all);
        return walk;
      }
      case "show":
        return wire(client.showEnhancedConnection(new ShowEnhancedConnectionRequest().withConnectionId(text(op, "id"))));
      case "fields": {
        ObjectNode fields = JSON.createObjectNode();
        fields.set("list", JSON.valueToTree(wireNames(ListEnhancedConnectionsResponse.class)));
        fields.set("connection", JSON.valueToTree(wireNames(EnhancedConnection.class)));
        fields.set("resource", JSON.valueToTree(wireNames(EnhancedConnectionResource.class)));
        fields.set("host", JSON.valueToTree(wireNames(EnhancedConnectionHost.class)));
        fields.set("show", JSON.valueToTree(wireNames(ShowEnhancedConnectionResponse.class)));
        return fields;
      }
      default:
        throw new IllegalArgumentException("unknown operation " + op.get("op"));
    }
  }

  public static void main(String[] args) throws Exception {
    JsonNode ops = JSON.readTree(System.in);
    DliClient client = newClient();
    ArrayNode answers = JSON.createArrayNode();
    for (JsonNode op : ops) {
      ObjectNode answer = answers.addObject();
      try {
        answer.set("body", run(client, op));
      } catch (ServiceResponseException e) {
        ObjectNode error = answer.putObject("error");
        error.put("status", e.getHttpStatusCode());
        error.put("code", e.getErrorCode());
        error.put("message", e.getErrorMsg());
        error.put("requestId", e.getRequestId());
      } catch (RuntimeException e) {
        answer.putObject("error").put("message", String.valueOf(e));
      }
    }
    // UTF-8 whatever the locale: names are not ASCII, and a JVM without LANG writes `?` for them.
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    out.println(JSON.writeValueAsString(answers));
  }
}
