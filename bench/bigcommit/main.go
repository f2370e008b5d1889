// Command bigcommit measures a commit of a few changed files in a large
// snapshot folder (issue 13: 10 changes among 500,000 postings in < 1 s).
//
// It makes a repository of -dirs folders x -files files (about 1 KB of
// JSON each) with git fast-import (one pack, as after `git gc`) and checks
// it out with `git reset --hard` (the work tree and a full index), then,
// -rounds times, rewrites -changes files spread over the folders and times
// gitrepo.Commit of their paths (what the watcher's run does at its end),
// printing the wall time, CPU time and the bytes allocated of each.
//
// Run from the repository root (git on PATH):
//
//	go run ./bench/bigcommit -dirs 10000 -files 50
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
)

func main() {
	dirs := flag.Int("dirs", 10000, "folders (sources)")
	files := flag.Int("files", 50, "files (postings) per folder")
	changes := flag.Int("changes", 10, "files changed per commit")
	rounds := flag.Int("rounds", 3, "commits measured")
	unchanged := flag.Int("unchanged", 0, "unchanged files given to each commit besides the changed ones (the watcher passes every source's state files)")
	keep := flag.String("dir", "", "make the repository here and keep it (default: a temporary folder, removed)")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the commits to this file")
	flag.Parse()

	dir := *keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "bigcommit-")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	start := time.Now()
	if _, err := os.Stat(filepath.Join(dir, ".git")); err != nil {
		if err := build(dir, *dirs, *files); err != nil {
			log.Fatal(err)
		}
		log.Printf("bigcommit: %d files in %d folders made in %s", *dirs**files, *dirs, time.Since(start).Round(time.Second))
	}
	repo, err := gitrepo.Open(dir)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("\nmachine: %d CPUs, %s; %d files in %d folders; %d changed per commit, %d unchanged given too\n\n", runtime.NumCPU(), runtime.Version(), *dirs**files, *dirs, *changes, *unchanged)
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	fmt.Println("| commit | wall ms | CPU ms | allocated MB | heap in use after MB |")
	fmt.Println("| --- | --- | --- | --- | --- |")
	for round := range *rounds {
		var paths []string
		for c := range *changes {
			d := (round*7919 + c*(*dirs/max(*changes, 1))) % *dirs
			f := (round + c) % *files
			p := filepath.Join(dir, fmt.Sprintf("src-%05d", d), fmt.Sprintf("%d.json", f))
			if err := os.WriteFile(p, posting(d, f, int(time.Now().UnixNano()%1e9)), 0o644); err != nil {
				log.Fatal(err)
			}
			paths = append(paths, p)
		}
		for u := range *unchanged {
			d, f := u%*dirs, (u / *dirs + *files/2)%*files
			paths = append(paths, filepath.Join(dir, fmt.Sprintf("src-%05d", d), fmt.Sprintf("%d.json", f)))
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		cpu0 := cpuTime()
		t0 := time.Now()
		_, committed, err := repo.Commit(paths, fmt.Sprintf("round %d: %d changed", round, *changes), gitrepo.Author{Name: "bench", Email: "bench@example.com"}, time.Now())
		wall := time.Since(t0)
		cpu := cpuTime() - cpu0
		runtime.ReadMemStats(&after)
		if err != nil || !committed {
			log.Fatalf("commit: %v (committed %v)", err, committed)
		}
		fmt.Printf("| %d | %.0f | %.0f | %.1f | %.1f |\n", round+1, float64(wall.Microseconds())/1000, float64(cpu.Microseconds())/1000,
			float64(after.TotalAlloc-before.TotalAlloc)/(1<<20), float64(after.HeapInuse)/(1<<20))
	}
	if out, err := exec.Command("git", "-C", dir, "status", "--porcelain").CombinedOutput(); err != nil || len(out) > 0 {
		log.Printf("git status after the commits: %v\n%.2000s", err, out)
		return
	}
	fmt.Println("\ngit status: clean")
}

// posting is a file's content: about 1 KB of JSON, varied by version.
func posting(d, f, version int) []byte {
	return fmt.Appendf(nil, `{"id":"%d","source":"src-%05d","title":"Data Engineer %d v%d (L5)","team":"Data & Insights","description":"%0900d"}`+"\n", f, d, f, version, d*100000+f)
}

// build makes the repository: one commit of every file through git
// fast-import, then a checkout of it.
func build(dir string, dirs, files int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := run(dir, nil, "git", "init", "-q", "-b", "main"); err != nil {
		return err
	}
	cmd := exec.Command("git", "fast-import", "--quiet")
	cmd.Dir = dir
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	w := bufio.NewWriterSize(in, 1<<20)
	fmt.Fprintf(w, "commit refs/heads/main\ncommitter bench <bench@example.com> %d +0000\ndata 5\nfirst\n", time.Now().Unix())
	for d := range dirs {
		for f := range files {
			b := posting(d, f, 0)
			fmt.Fprintf(w, "M 100644 inline src-%05d/%d.json\ndata %d\n", d, f, len(b))
			w.Write(b)
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	in.Close()
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("git fast-import: %w", err)
	}
	if err := run(dir, nil, "git", "reset", "-q", "--hard"); err != nil {
		return err
	}
	// the index newer than every file (no racily clean entry), as a while
	// after a checkout
	time.Sleep(1100 * time.Millisecond)
	return run(dir, nil, "git", "update-index", "-q", "--really-refresh")
}

func run(dir string, env []string, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %v: %w", name, args, err)
	}
	return nil
}

// cpuTime is this process's user+system time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
