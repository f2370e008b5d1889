package gitrepo

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// snapshotBody is a ~2 KB JSON-like document.
func snapshotBody(id, rev int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "{\n  \"id\": \"%d\",\n  \"rev\": %d,\n  \"description\": \"", id, rev)
	for b.Len() < 2000 {
		b.WriteString("plain text, whitespace normalized; ")
	}
	b.WriteString("\"\n}\n")
	return b.String()
}

func setupSnapshots(b *testing.B, n int) (dir string, r *Repo, paths []string) {
	b.Helper()
	dir = b.TempDir()
	src := filepath.Join(dir, "snapshots", "netflix-data-insights")
	if err := os.MkdirAll(src, 0o755); err != nil {
		b.Fatal(err)
	}
	paths = make([]string, n)
	for i := range n {
		paths[i] = fmt.Sprintf("snapshots/netflix-data-insights/%012d.json", 790311790854+i)
		if err := os.WriteFile(filepath.Join(dir, paths[i]), []byte(snapshotBody(i, 0)), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	writeFile(b, filepath.Join(dir, "snapshots/.watcher/state/netflix-data-insights.json"), "{}\n")
	r, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	if _, _, err := r.Commit(append(paths, "snapshots/.watcher/state/netflix-data-insights.json"), "initial", testAuthor, testWhen); err != nil {
		b.Fatal(err)
	}
	return dir, r, paths
}

func BenchmarkCommit10kFiles10Changed(b *testing.B) {
	dir, r, paths := setupSnapshots(b, 10_000)
	state := "snapshots/.watcher/state/netflix-data-insights.json"
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		changed := make([]string, 0, 11)
		for k := range 10 {
			p := paths[(i*10+k*997)%len(paths)]
			if err := os.WriteFile(filepath.Join(dir, p), []byte(snapshotBody(k, i+1)), 0o644); err != nil {
				b.Fatal(err)
			}
			changed = append(changed, p)
		}
		writeFile(b, filepath.Join(dir, state), fmt.Sprintf("{\"run\": %d}\n", i))
		changed = append(changed, state)
		b.StartTimer()
		if _, ok, err := r.Commit(changed, "snapshot", testAuthor, testWhen); err != nil || !ok {
			b.Fatalf("Commit: %v, %v", ok, err)
		}
	}
}

func BenchmarkCommit10kFilesNoChange(b *testing.B) {
	_, r, paths := setupSnapshots(b, 10_000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, ok, err := r.Commit(paths[:10], "snapshot", testAuthor, testWhen); err != nil || ok {
			b.Fatalf("Commit: %v, %v", ok, err)
		}
	}
}

func BenchmarkOpen(b *testing.B) {
	dir, _, _ := setupSnapshots(b, 100)
	sub := filepath.Join(dir, "snapshots", "netflix-data-insights")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Open(sub); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkChangedSince10k(b *testing.B) {
	_, r, _ := setupSnapshots(b, 10_000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if got, err := r.ChangedSince("snapshots"); err != nil || len(got) != 0 {
			b.Fatalf("ChangedSince: %v, %v", got, err)
		}
	}
}
