// sdk-gen writes the Go, Python, .NET and Node.js SDKs of the `servicenow` provider plugin
// from its package schema (provider/schema/schema.json), with the code generators in
// github.com/pulumi/pulumi/pkg/v3/codegen. It stands in for `pulumi package gen-sdk`, which
// needs the languages' own hosts. Run through `npm run sdk` (scripts/sdk-gen.sh).
//
//	sdk-gen -schema provider/schema/schema.json -out sdk [-languages go,python,dotnet,nodejs] [-go-sdk-version v3.x.y]
//
// Each language goes to <out>/<language>/, which is emptied first.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/dotnet"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

const tool = "pulumi-servicenow-spokes sdk-gen"

var goSDKVersion = flag.String("go-sdk-version", "", "the github.com/pulumi/pulumi/sdk/v3 release the Go SDK's go.mod requires (default: the one sdk-gen is built with)")

// generators, by the folder each one writes to.
var generators = map[string]func(*schema.Package) (map[string][]byte, error){
	"go": func(pkg *schema.Package) (map[string][]byte, error) {
		files, err := gogen.GeneratePackage(tool, pkg, nil)
		if err != nil {
			return nil, err
		}
		files["go.mod"], err = requireSDK(files["go.mod"], *goSDKVersion)
		return files, err
	},
	"python": func(pkg *schema.Package) (map[string][]byte, error) {
		return python.GeneratePackage(tool, pkg, nil, noDependencies{})
	},
	"dotnet": func(pkg *schema.Package) (map[string][]byte, error) {
		// The .NET generator downloads the package's icon (logo.png, which the .csproj packs);
		// it gets ours from offlineLogo instead.
		pkg.LogoURL = logoURL
		return dotnet.GeneratePackage(tool, pkg, nil, nil)
	},
	"nodejs": func(pkg *schema.Package) (map[string][]byte, error) {
		return nodejs.GeneratePackage(tool, pkg, nil, nil, false, noDependencies{})
	},
}

func main() {
	schemaPath := flag.String("schema", "provider/schema/schema.json", "the package schema")
	out := flag.String("out", "sdk", "the folder that receives one folder per language")
	languages := flag.String("languages", "go,python,dotnet,nodejs", "comma-separated: "+strings.Join(names(), ","))
	flag.Parse()
	http.DefaultClient.Transport = offlineLogo{}

	spec, err := readSpec(*schemaPath)
	if err == nil {
		err = generateAll(spec, *out, strings.Split(*languages, ","))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "sdk-gen:", err)
		os.Exit(1)
	}
}

func readSpec(path string) (schema.PackageSpec, error) {
	var spec schema.PackageSpec
	data, err := os.ReadFile(path)
	if err != nil {
		return spec, err
	}
	if err := json.Unmarshal(data, &spec); err != nil {
		return spec, fmt.Errorf("%s: %w", path, err)
	}
	return spec, nil
}

func generateAll(spec schema.PackageSpec, out string, languages []string) error {
	for _, language := range languages {
		generate, ok := generators[language]
		if !ok {
			return fmt.Errorf("unknown language %q (known: %s)", language, strings.Join(names(), ", "))
		}
		// Each generator records its language's settings on the package, so each binds its own.
		pkg, diags, err := schema.BindSpec(spec, noDependencies{}, schema.ValidationOptions{})
		if err != nil {
			return err
		}
		if diags.HasErrors() {
			return fmt.Errorf("the schema does not bind: %s", diags.Error())
		}
		files, err := generate(pkg)
		if err != nil {
			return fmt.Errorf("%s: %w", language, err)
		}
		dir := filepath.Join(out, language)
		if err := write(dir, files); err != nil {
			return err
		}
		fmt.Printf("%s: %d files in %s\n", language, len(files), dir)
	}
	return nil
}

func write(dir string, files map[string][]byte) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func names() []string {
	list := make([]string, 0, len(generators))
	for name := range generators {
		list = append(list, name)
	}
	sort.Strings(list)
	return list
}

// noDependencies is the schema loader for a package that references no other package: the
// schema has no `dependencies`, so any load is a mistake worth failing on.
type noDependencies struct{}

var errNoDependencies = errors.New("the servicenow schema references no other package; nothing to load")

func (noDependencies) LoadPackage(string, *semver.Version) (*schema.Package, error) {
	return nil, errNoDependencies
}

func (noDependencies) LoadPackageV2(context.Context, *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, errNoDependencies
}

func (noDependencies) LoadPackageReference(string, *semver.Version) (schema.PackageReference, error) {
	return nil, errNoDependencies
}

func (noDependencies) LoadPackageReferenceV2(context.Context, *schema.PackageDescriptor) (schema.PackageReference, error) {
	return nil, errNoDependencies
}
