package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestPGSuiteListed: every test of this package gated by pgSuite (the
// PostgreSQL tests that run only with WATCHER_LONG_TESTS=1) is in .ci/run's
// -run list of its PostgreSQL step, and the list names no other test: a
// gated test missing from it would run nowhere. It parses the package's
// test files (a test gated through a helper that calls pgSuite counts).
func TestPGSuiteListed(t *testing.T) {
	names, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	bodies := map[string]*ast.BlockStmt{} // top-level functions of the tests
	for _, n := range names {
		f, err := parser.ParseFile(fset, n, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Body != nil {
				bodies[fd.Name.Name] = fd.Body
			}
		}
	}
	calls := func(body *ast.BlockStmt, gated map[string]bool) bool {
		found := false
		ast.Inspect(body, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				if id, ok := c.Fun.(*ast.Ident); ok && gated[id.Name] {
					found = true
				}
			}
			return !found
		})
		return found
	}
	// the functions that reach pgSuite, to a fixed point
	gated := map[string]bool{"pgSuite": true}
	for changed := true; changed; {
		changed = false
		for name, body := range bodies {
			if !gated[name] && calls(body, gated) {
				gated[name], changed = true, true
			}
		}
	}
	var want []string
	for name := range gated {
		if strings.HasPrefix(name, "Test") {
			want = append(want, name)
		}
	}
	slices.Sort(want)
	if len(want) == 0 {
		t.Fatal("no test calls pgSuite: the parse found nothing")
	}

	ci, err := os.ReadFile(filepath.Join("..", "..", ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^pg='\^\(([^)]*)\)\$'$`).FindSubmatch(ci)
	if m == nil {
		t.Fatal(`.ci/run has no line pg='^(TestA|TestB|...)$'`)
	}
	listed := strings.Split(string(m[1]), "|")
	for _, name := range want {
		if !slices.Contains(listed, name) {
			t.Errorf("%s calls pgSuite but is not in .ci/run's pg list: it runs nowhere", name)
		}
	}
	for _, name := range listed {
		if !slices.Contains(want, name) {
			t.Errorf(".ci/run's pg list names %s, which is not a test gated by pgSuite", name)
		}
	}
}
