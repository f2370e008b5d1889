package archtest

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/careers-watcher/careers-watcher"

// root is the module's folder (this package is internal/archtest).
const root = "../.."

// deps lists the module's packages that pkg imports, directly or not
// (test files left out), sorted.
func deps(t *testing.T, pkg string) []string {
	t.Helper()
	seen := map[string]bool{}
	var walk func(string)
	walk = func(p string) {
		if seen[p] {
			return
		}
		seen[p] = true
		// the module's packages are its folders: read them as they are,
		// without asking the go command
		bp, err := build.ImportDir(filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(p, module+"/"))), 0)
		if err != nil {
			t.Fatalf("import %s: %v", p, err)
		}
		for _, imp := range bp.Imports {
			if strings.HasPrefix(imp, module+"/") {
				walk(imp)
			}
		}
	}
	walk(module + "/" + pkg)
	delete(seen, module+"/"+pkg)
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, strings.TrimPrefix(p, module+"/"))
	}
	slices.Sort(out)
	return out
}

// The pipeline writes the snapshot folder through internal/snapshot (which
// renders the per-source README itself); the report is a reader beside it.
// The snapshot store depends on nothing that depends on it.
func TestLayering(t *testing.T) {
	for _, c := range []struct {
		pkg    string
		forbid []string
	}{
		{"internal/watch", []string{"internal/report", "internal/serve", "internal/cli"}},
		{"internal/snapshot", []string{"internal/watch", "internal/report", "internal/serve", "internal/cli", "internal/notify", "internal/gitrepo", "internal/scrape"}},
		{"internal/report", []string{"internal/watch", "internal/serve", "internal/cli", "internal/notify"}},
		{"internal/serve", []string{"internal/watch", "internal/report", "internal/cli"}},
	} {
		d := deps(t, c.pkg)
		for _, f := range c.forbid {
			if slices.Contains(d, f) {
				t.Errorf("%s imports %s (directly or through another package); it must not", c.pkg, f)
			}
		}
	}
}

// goFiles calls fn with every non-test Go file of the module outside the
// given folders (slash paths relative to the module).
func goFiles(t *testing.T, skip []string, fn func(rel string, f *ast.File, fset *token.FileSet)) {
	t.Helper()
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && rel != "." || d.Name() == "testdata" || slices.Contains(skip, rel) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		fn(rel, f, fset)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Only gitrepo talks to go-git: the report and the web views read history
// through its read API.
func TestOnlyGitrepoImportsGoGit(t *testing.T) {
	goFiles(t, []string{"internal/gitrepo"}, func(rel string, f *ast.File, _ *token.FileSet) {
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); strings.HasPrefix(p, "github.com/go-git/") {
				t.Errorf("%s imports %s: read and write git through internal/gitrepo", rel, p)
			}
		}
	})
}

// Only internal/snapshot names the files of the snapshot folder: the other
// packages call the Store's methods (or hand the paths it gives to gitrepo
// and notify) and never build a path into the folder themselves. Caught
// here: the names of its state files, the constants that name them, and
// a path joined onto a folder's Dir, the config's Snapshots or a Store's
// folder accessors (the first argument of filepath.Join or path.Join).
func TestOnlySnapshotNamesTheFolder(t *testing.T) {
	names := []string{".watcher", "run-in-progress"}
	consts := []string{"StateDir", "LockName", "ReadmeName"}
	folders := []string{"Dir", "Snapshots", "SnapshotDir", "OutboxDir", "SourceDir"}
	// gitrepo commits the paths it is given, under any work tree.
	goFiles(t, []string{"internal/snapshot", "internal/gitrepo"}, func(rel string, f *ast.File, fset *token.FileSet) {
		at := func(n ast.Node) string { return rel + ":" + strconv.Itoa(fset.Position(n.Pos()).Line) }
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind != token.STRING {
					return true
				}
				s, _ := strconv.Unquote(n.Value)
				for _, name := range names {
					if strings.Contains(s, name) {
						t.Errorf("%s: string %s names a file of the snapshot folder: add a Store method in internal/snapshot", at(n), n.Value)
					}
				}
			case *ast.SelectorExpr:
				if x, ok := n.X.(*ast.Ident); ok && x.Name == "snapshot" && slices.Contains(consts, n.Sel.Name) {
					t.Errorf("%s: snapshot.%s used outside internal/snapshot: add a Store method", at(n), n.Sel.Name)
				}
			case *ast.CallExpr:
				fn, ok := n.Fun.(*ast.SelectorExpr)
				if !ok || fn.Sel.Name != "Join" {
					return true
				}
				if pkg, ok := fn.X.(*ast.Ident); !ok || pkg.Name != "filepath" && pkg.Name != "path" {
					return true
				}
				if len(n.Args) < 2 {
					return true
				}
				a := n.Args[0]
				if call, ok := a.(*ast.CallExpr); ok {
					a = call.Fun
				}
				if sel, ok := a.(*ast.SelectorExpr); ok && slices.Contains(folders, sel.Sel.Name) {
					t.Errorf("%s: a path joined onto %s: paths into the snapshot folder are internal/snapshot's", at(n), sel.Sel.Name)
				}
			}
			return true
		})
	})
}
