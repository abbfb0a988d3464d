package main

// Runs docs/languages.md's Go program (copied beside this file as main.go by
// test/sdk/generated-sdks.test.ts) under Pulumi's Go mocks, and checks what it asks the engine
// for: the plugin's resource types, their inputs, the secret, and the plugin version.

import (
	"os"
	"sync"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

type recorder struct {
	mu         sync.Mutex
	registered map[string]pulumi.MockResourceArgs
}

func (r *recorder) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.registered[args.TypeToken] = args
	outputs := args.Inputs.Copy()
	outputs["connectionSysId"] = resource.NewStringProperty("0123456789abcdef0123456789abcdef")
	return args.Name + "-id", outputs, nil
}

func (r *recorder) Call(pulumi.MockCallArgs) (resource.PropertyMap, error) {
	return resource.PropertyMap{}, nil
}

func TestTheDocumentedProgram(t *testing.T) {
	t.Setenv("PULUMI_CONFIG", `{"languages:sumtotalClientSecret":"not-a-real-secret"}`)
	mocks := &recorder{registered: map[string]pulumi.MockResourceArgs{}}
	if err := pulumi.RunErr(program, pulumi.WithMocks("languages", "dev", mocks)); err != nil {
		t.Fatalf("the program failed: %v", err)
	}

	sumtotal, ok := mocks.registered["servicenow:index:SumTotalConnection"]
	if !ok {
		t.Fatalf("no servicenow:index:SumTotalConnection registered; got %v", mocks.registered)
	}
	expectString(t, sumtotal.Inputs, "connectionUrl", "https://acme.sumtotal.host")
	expectString(t, sumtotal.Inputs, "oauthEntityName", "SumTotal OAuth")
	secret := sumtotal.Inputs["oauthClientSecret"]
	if !secret.IsSecret() || secret.SecretValue().Element.StringValue() != "not-a-real-secret" {
		t.Errorf("oauthClientSecret should be the configured value, marked secret; got %v", secret)
	}
	if want := os.Getenv("SERVICENOW_PLUGIN_VERSION"); sumtotal.RegisterRPC.GetVersion() != want {
		t.Errorf("the SDK asks for plugin version %q, want %q (package.json)", sumtotal.RegisterRPC.GetVersion(), want)
	}

	property, ok := mocks.registered["servicenow:index:SystemProperty"]
	if !ok {
		t.Fatalf("no servicenow:index:SystemProperty registered; got %v", mocks.registered)
	}
	expectString(t, property.Inputs, "name", "x_acme.sync.batch_size")
	expectString(t, property.Inputs, "value", "100")
	if len(mocks.registered) != 2 {
		t.Errorf("expected exactly two resources, got %d: %v", len(mocks.registered), mocks.registered)
	}
}

func expectString(t *testing.T, inputs resource.PropertyMap, key resource.PropertyKey, want string) {
	t.Helper()
	if got := inputs[key]; !got.IsString() || got.StringValue() != want {
		t.Errorf("%s = %v, want %q", key, got, want)
	}
}
