package main

import (
	"errors"
	"fmt"
	"runtime/debug"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/semver"
)

const sdkModule = "github.com/pulumi/pulumi/sdk/v3"

// requireSDK raises the Go SDK's requirement of github.com/pulumi/pulumi/sdk/v3 (the generator
// writes v3.30.0, a floor) to version, else to the release this generator was built with,
// which the generated code is written for.
func requireSDK(goMod []byte, version string) ([]byte, error) {
	if goMod == nil {
		return nil, errors.New("the Go generator wrote no go.mod (does the schema set meta.supportPack?)")
	}
	if version == "" {
		built, err := builtWithSDK()
		if err != nil {
			return nil, err
		}
		version = built
	}
	if !semver.IsValid(version) {
		return nil, fmt.Errorf("-go-sdk-version %q is not a Go module version (v3.x.y)", version)
	}
	file, err := modfile.Parse("go.mod", goMod, nil)
	if err != nil {
		return nil, err
	}
	if err := file.AddRequire(sdkModule, version); err != nil {
		return nil, err
	}
	return file.Format()
}

func builtWithSDK() (string, error) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "", errors.New("no build information in this binary")
	}
	for _, dependency := range info.Deps {
		if dependency.Path != sdkModule {
			continue
		}
		if dependency.Replace != nil && dependency.Replace.Version != "" {
			return dependency.Replace.Version, nil
		}
		return dependency.Version, nil
	}
	return "", errors.New("this binary was not built with " + sdkModule)
}
