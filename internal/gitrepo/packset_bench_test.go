package gitrepo

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// fillPacks writes packs x objects unreferenced blobs as packs of the
// repository (what a first cycle of a large fleet leaves: one pack per
// commit), without files in the work tree.
func fillPacks(tb testing.TB, r *Repo, packs, objects int) {
	tb.Helper()
	for p := range packs {
		pw, err := r.startPack()
		if err != nil {
			tb.Fatal(err)
		}
		for o := range objects {
			data := fmt.Appendf(nil, "{\"pack\": %d, \"object\": %d}\n", p, o)
			if err := pw.add(plumbing.BlobObject, hashObject(plumbing.BlobObject, data), data); err != nil {
				tb.Fatal(err)
			}
		}
		if err := pw.finish(); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkCommitIn100Packs commits new files into a repository of 100
// packs of 3,000 objects each: loose (10 files: go-git's pack indexes, when
// it decodes them, stay held after the commit) and packed (150 files: the
// commit writes a pack, and the pack list is read again at the next one).
// live-MB is the heap in use after the commit and a GC.
func BenchmarkCommitIn100Packs(b *testing.B) {
	for _, files := range []int{10, 150} {
		b.Run(fmt.Sprintf("files=%d", files), func(b *testing.B) {
			dir := b.TempDir()
			r, err := Open(dir)
			if err != nil {
				b.Fatal(err)
			}
			fillPacks(b, r, 100, 3000)
			if err := os.MkdirAll(filepath.Join(dir, "s"), 0o755); err != nil {
				b.Fatal(err)
			}
			paths := make([]string, files)
			for i := range paths {
				paths[i] = fmt.Sprintf("s/%04d.json", i)
			}
			var ms runtime.MemStats
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				for k, p := range paths {
					if err := os.WriteFile(filepath.Join(dir, p), fmt.Appendf(nil, "{\"rev\": %d, \"file\": %d}\n", i, k), 0o644); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
				if _, _, err := r.Commit(paths, fmt.Sprintf("rev %d", i), testAuthor, testWhen); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			runtime.GC()
			runtime.ReadMemStats(&ms)
			b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "live-MB")
			runtime.KeepAlive(r)
		})
	}
}
