// The interop client for Huawei's Go SDK (huaweicloud-sdk-go-v3, services/dli/v1), used as shipped:
// it reads a JSON list of operations on stdin and prints one JSON answer per operation, in wire
// names, for scripts/interop/run.mjs to compare with raw HTTP.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"
	dli "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

type operation struct {
	Op     string  `json:"op"`
	Limit  *int32  `json:"limit"`
	Offset *int32  `json:"offset"`
	Status *string `json:"status"`
	Name   *string `json:"name"`
	Tags   *string `json:"tags"`
	ID     string  `json:"id"`
}

type failure struct {
	Status    int    `json:"status"`
	Code      string `json:"code"`
	Message   string `json:"message"`
	RequestID string `json:"requestId"`
}

type answer struct {
	Body  any      `json:"body,omitempty"`
	Error *failure `json:"error,omitempty"`
}

func newClient() *dli.DliClient {
	// snippet:start go
	credentials := basic.NewCredentialsBuilder().
		WithAk(os.Getenv("HUAWEICLOUD_SDK_AK")).
		WithSk(os.Getenv("HUAWEICLOUD_SDK_SK")).
		WithSecurityToken(os.Getenv("HUAWEICLOUD_SDK_SECURITY_TOKEN")). // temporary keys only
		WithProjectId(os.Getenv("HUAWEICLOUD_SDK_PROJECT_ID")).
		Build()
	client := dli.NewDliClient(dli.DliClientBuilder().
		WithEndpoints([]string{os.Getenv("DLI_ENDPOINT")}). // the URL dli-mock prints
		WithCredential(credentials).
		Build())
	// snippet:end go
	return client
}

// wireNames lists the JSON names of a model's fields: what the SDK can read from an answer.
func wireNames(value any) []string {
	var names []string
	kind := reflect.TypeOf(value)
	for i := 0; i < kind.NumField(); i++ {
		name := strings.Split(kind.Field(i).Tag.Get("json"), ",")[0]
		if name != "" && name != "-" {
			names = append(names, name)
		}
	}
	return names
}

func run(client *dli.DliClient, op operation) (any, error) {
	switch op.Op {
	case "list":
		return client.ListEnhancedConnections(&model.ListEnhancedConnectionsRequest{
			Limit: op.Limit, Offset: op.Offset, Status: op.Status, Name: op.Name, Tags: op.Tags,
		})
	case "walk":
		var all []model.EnhancedConnection
		pages := 0
		offset := int32(0)
		for {
			page, err := client.ListEnhancedConnections(&model.ListEnhancedConnectionsRequest{Limit: op.Limit, Offset: &offset})
			if err != nil {
				return nil, err
			}
			pages++
			if page.Connections == nil || len(*page.Connections) == 0 {
				return map[string]any{"pages": pages, "connections": all}, nil
			}
			all = append(all, *page.Connections...)
			offset += int32(len(*page.Connections))
		}
	case "show":
		return client.ShowEnhancedConnection(&model.ShowEnhancedConnectionRequest{ConnectionId: op.ID})
	case "fields":
		return map[string][]string{
			"list":       wireNames(model.ListEnhancedConnectionsResponse{}),
			"connection": wireNames(model.EnhancedConnection{}),
			"resource":   wireNames(model.EnhancedConnectionResource{}),
			"host":       wireNames(model.EnhancedConnectionHost{}),
			"show":       wireNames(model.ShowEnhancedConnectionResponse{}),
		}, nil
	}
	return nil, fmt.Errorf("unknown operation %q", op.Op)
}

func main() {
	var ops []operation
	if err := json.NewDecoder(os.Stdin).Decode(&ops); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	client := newClient()
	answers := make([]answer, 0, len(ops))
	for _, op := range ops {
		body, err := run(client, op)
		var service *sdkerr.ServiceResponseError
		switch {
		case errors.As(err, &service):
			answers = append(answers, answer{Error: &failure{service.StatusCode, service.ErrorCode, service.ErrorMessage, service.RequestId}})
		case err != nil:
			answers = append(answers, answer{Error: &failure{Message: err.Error()}})
		default:
			answers = append(answers, answer{Body: body})
		}
	}
	if err := json.NewEncoder(os.Stdout).Encode(answers); err != nil {
		os.Exit(1)
	}
}
