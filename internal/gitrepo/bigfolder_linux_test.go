package gitrepo

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/cputime"
)

// The large folder of issue 13: a commit of 10 changed postings in a
// snapshot folder of 500,000 (10,000 sources of 50), under a second.
// GITREPO_BENCH_FOLDERS and GITREPO_BENCH_FILES change its size,
// GITREPO_BENCH_DIR keeps it for the next run.
//
//	go test ./internal/gitrepo -run '^$' -bench BenchmarkCommitLargeFolder -benchtime 5x
//
// The repository is made once (git fast-import: one pack, as after `git
// gc`, then `git read-tree HEAD`: an index of every posting) without
// writing the 500,000 files: a commit reads and stats only the paths it is
// given, never the rest of the work tree, so only the changed postings'
// files are on disk. What a commit pays for the others is the index (read,
// patched, written whole) and the pack's index and trees on the changed
// paths.
func BenchmarkCommitLargeFolder(b *testing.B) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	folders, files := benchEnv(b, "GITREPO_BENCH_FOLDERS", 10_000), benchEnv(b, "GITREPO_BENCH_FILES", 50)
	// GITREPO_BENCH_DIR keeps the repository (made there when it has none,
	// used as it is when it has one) for the next run: making it takes
	// minutes
	dir := os.Getenv("GITREPO_BENCH_DIR")
	if dir == "" {
		dir = b.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".git")); err != nil {
		start := time.Now()
		largeFolder(b, dir, folders, files)
		b.Logf("%d postings in %d folders made in %s", folders*files, folders, time.Since(start).Round(time.Second))
	}

	round := 0
	stamp := int(time.Now().UnixNano() % 1e9) // a kept repository has this process's rounds already
	change := func(b *testing.B) []string {
		round++
		paths := make([]string, 0, 10)
		for c := range 10 {
			d := (round*7919 + c*(folders/10)) % folders
			p := filepath.Join(dir, fmt.Sprintf("board-%05d", d), strconv.Itoa((round+c)%files)+".json")
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(p, largePosting(d, (round+c)%files, stamp+round), 0o644); err != nil {
				b.Fatal(err)
			}
			paths = append(paths, p)
		}
		return paths
	}
	commit := func(b *testing.B, r *Repo, paths []string) {
		if _, ok, err := r.Commit(paths, fmt.Sprintf("round %d: 10 changed", round), testAuthor, time.Now()); err != nil || !ok {
			b.Fatalf("Commit: %v, %v", ok, err)
		}
	}
	// what a `watcher run` pays: a new process opens the repository and
	// commits once (the pack's index and the git index read from disk)
	b.Run("open-and-commit", func(b *testing.B) {
		b.ReportAllocs()
		defer cpuPerOp(b)()
		for b.Loop() {
			b.StopTimer()
			paths := change(b)
			b.StartTimer()
			r, err := Open(dir)
			if err != nil {
				b.Fatal(err)
			}
			commit(b, r, paths)
		}
	})
	// a daemon's later runs: the repository stays open between commits
	b.Run("commit", func(b *testing.B) {
		r, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		commit(b, r, change(b))
		b.ReportAllocs()
		defer cpuPerOp(b)()
		for b.Loop() {
			b.StopTimer()
			paths := change(b)
			b.StartTimer()
			commit(b, r, paths)
		}
	})
}

// cpuPerOp reports the process's CPU time (user and system) per op
// besides the wall time: on a busy machine the wall time of a commit is
// mostly waiting for the disk (its sync before the branch moves). Call
// the function it returns when the loop is done. The set-up between ops
// (writing 10 files) is counted in it.
func cpuPerOp(b *testing.B) func() {
	cpu := func() time.Duration { d, _ := cputime.Used(); return d }
	start := cpu()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64((cpu()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
		}
	}
}

func benchEnv(b *testing.B, key string, def int) int {
	v := os.Getenv(key)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 10 {
		b.Fatalf("%s=%q: a number of at least 10", key, v)
	}
	return n
}

// largePosting is a posting file of about 300 bytes.
func largePosting(folder, file, rev int) []byte {
	return fmt.Appendf(nil, "{\n  \"id\": \"%d\",\n  \"source\": \"board-%05d\",\n  \"title\": \"Data Engineer %d (L5)\",\n  \"rev\": %d,\n  \"description\": \"%0200d\"\n}\n",
		file, folder, file, rev, folder*100_000+file)
}

// largeFolder makes dir a repository whose one commit holds folders x
// files postings (board-NNNNN/N.json), and an index of them.
func largeFolder(b *testing.B, dir string, folders, files int) {
	git := func(stdin func(*bufio.Writer), args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		var out []byte
		var err error
		if stdin == nil {
			out, err = cmd.CombinedOutput()
		} else {
			in, perr := cmd.StdinPipe()
			if perr != nil {
				b.Fatal(perr)
			}
			if err := cmd.Start(); err != nil {
				b.Fatal(err)
			}
			w := bufio.NewWriterSize(in, 1<<20)
			stdin(w)
			if err := w.Flush(); err != nil {
				b.Fatal(err)
			}
			in.Close()
			err = cmd.Wait()
		}
		if err != nil {
			b.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git(nil, "init", "-q", "-b", "main")
	git(func(w *bufio.Writer) {
		fmt.Fprintf(w, "commit refs/heads/main\ncommitter bench <bench@example.com> %d +0000\ndata 5\nfirst\n", testWhen.Unix())
		for d := range folders {
			for f := range files {
				body := largePosting(d, f, 0)
				fmt.Fprintf(w, "M 100644 inline board-%05d/%d.json\ndata %d\n", d, f, len(body))
				w.Write(body)
			}
		}
	}, "fast-import", "--quiet")
	git(nil, "read-tree", "HEAD")
}

// A small index with a wrong checksum is refused; one beyond
// verifyIndexMax is read as git reads it, without verifying the checksum,
// but its entries are still checked.
func TestIndexChecksumVerifiedWhenSmall(t *testing.T) {
	index := func(count uint32, rest []byte) []byte {
		b := []byte("DIRC\x00\x00\x00\x02")
		b = binary.BigEndian.AppendUint32(b, count)
		b = append(b, rest...)
		return append(b, bytes.Repeat([]byte{1}, indexChecksumLen)...) // not the SHA-1
	}
	if err := (&indexLock{}).parse(index(0, nil)); !errors.Is(err, errCorruptIndex) || !strings.HasSuffix(err.Error(), "bad checksum") {
		t.Fatalf("small index, wrong checksum: %v, want bad checksum", err)
	}
	// an optional extension (upper case signature) of verifyIndexMax bytes
	ext := binary.BigEndian.AppendUint32([]byte("ZZZZ"), uint32(verifyIndexMax))
	ext = append(ext, make([]byte, verifyIndexMax)...)
	if err := (&indexLock{}).parse(index(0, ext)); err != nil {
		t.Fatalf("large index, wrong checksum: %v, want it read", err)
	}
	// one entry of garbage (extended flags in a version 2 index)
	if err := (&indexLock{}).parse(index(1, bytes.Repeat([]byte{0xff}, verifyIndexMax+100))); err == nil || strings.HasSuffix(err.Error(), "bad checksum") {
		t.Fatalf("large index with a malformed entry: %v, want the entry refused", err)
	}
}
