// Command bench measures a watcher run against the floor (bench/floor) on
// the same stand-in server (bench/standin) and prints CPU seconds
// (user+sys of the child), wall time and peak RSS side by side with their
// ratio, for a first cycle (empty snapshot folder, details fetched; the floor
// also fetches details and writes one file per posting) and a quiet cycle
// (the next run, nothing changed; the floor fetches and decodes the lists).
// With -change S a third cycle changes a share S of the postings first;
// -quiet N runs N quiet cycles (one row each, to read the spread on a shared
// machine); -lanes N gives each stand-in host N lanes in http.hosts (the
// floor's -workers is its counterpart).
//
// Run from the repository root:
//
//	go run ./bench -boards 1000 -postings 20
//
// The watcher, stand-in and floor are built once into a temporary folder
// (-watcher uses a binary built elsewhere, e.g. from another commit).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"
)

type usage struct {
	cpu, wall time.Duration
	rssKB     int64
}

func main() {
	boards := flag.Int("boards", 1000, "boards served by the stand-in, one watcher source each")
	postings := flag.Int("postings", 20, "postings per board")
	typ := flag.String("type", "eightfold", "eightfold or greenhouse")
	hosts := flag.Int("hosts", 1, "spread boards over 127.0.0.1..127.0.0.N (one politeness queue each)")
	delay := flag.Duration("delay", time.Millisecond, "the watcher's http.per_host_delay")
	latency := flag.Duration("latency", 0, "the stand-in's delay per answer")
	change := flag.Float64("change", 0, "when > 0, a third cycle after a share of postings changed")
	workers := flag.Int("workers", 4, "the floor's concurrent requests")
	lanes := flag.Int("lanes", 1, "the watcher's lanes per stand-in host (http.hosts concurrency; 1: the default politeness)")
	quiets := flag.Int("quiet", 1, "quiet cycles to run (each a row: read the spread)")
	watcher := flag.String("watcher", "", "watcher binary to measure (default: build ./cmd/watcher)")
	keep := flag.Bool("keep", false, "keep the temporary folder (config, snapshots, logs)")
	env := flag.String("env", "", "extra environment for the watcher, comma-separated K=V")
	reuse := flag.String("reuse", "", "a folder kept by -keep: skip the first cycle and run the quiet cycles on its snapshots (same -boards, -postings, -type, -hosts, -lanes)")
	profile := flag.String("profile", "", "pass --profile DIR/watcher-N to each watcher run (CPU and heap profiles, see watcher run --help)")
	firstFloor := flag.Bool("first-floor", true, "run the floor on the first cycle (false: skip it, e.g. at 500,000 postings, where its one file per posting takes about 10 GB)")
	flag.Parse()

	var tmp string
	var err error
	port := 0
	if *reuse != "" {
		tmp = *reuse
		b, err := os.ReadFile(filepath.Join(tmp, "bench-port"))
		if err != nil {
			log.Fatalf("bench: -reuse: %v (a folder from -keep holds bench-port)", err)
		}
		if _, err := fmt.Sscan(string(b), &port); err != nil {
			log.Fatalf("bench: -reuse: %s/bench-port: %v", tmp, err)
		}
	} else {
		tmp, err = os.MkdirTemp("", "watcher-bench-")
		if err != nil {
			log.Fatal(err)
		}
		if *keep {
			log.Printf("bench: temporary folder %s", tmp)
		} else {
			defer os.RemoveAll(tmp)
		}
	}
	bin := func(name, pkg string) string {
		out := filepath.Join(tmp, name)
		cmd := exec.Command("go", "build", "-o", out, pkg)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			log.Fatalf("bench: build %s: %v", pkg, err)
		}
		return out
	}
	if *watcher == "" {
		*watcher = bin("watcher", "./cmd/watcher")
	}
	standin, floor := bin("standin", "./bench/standin"), bin("floor", "./bench/floor")

	// the stand-in
	sargs := []string{"-boards", fmt.Sprint(*boards), "-postings", fmt.Sprint(*postings), "-hosts", fmt.Sprint(*hosts),
		"-latency", latency.String(), "-change", fmt.Sprint(*change), "-addr", fmt.Sprintf("127.0.0.1:%d", port)}
	srv := exec.Command(standin, sargs...)
	srv.Stderr = os.Stderr
	stdout, _ := srv.StdoutPipe()
	if err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Process.Kill()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if _, err2 := fmt.Sscanf(line, "listening %d", &port); err != nil || err2 != nil {
		srv.Process.Kill()
		log.Fatalf("bench: stand-in did not start: %q %v %v", line, err, err2)
	}
	go io.Copy(io.Discard, stdout)
	if *keep {
		if err := os.WriteFile(filepath.Join(tmp, "bench-port"), []byte(fmt.Sprint(port)), 0o644); err != nil {
			log.Fatal(err)
		}
	}

	// the watcher's config: one source per board
	snap := filepath.Join(tmp, "snapshots")
	var cfg strings.Builder
	fmt.Fprintf(&cfg, "snapshots: %s\nhttp:\n  per_host_delay: %s\n  timeout: 30s\n  robots: true\n", snap, delay)
	if *lanes > 1 {
		cfg.WriteString("  hosts:\n")
		for h := 1; h <= *hosts; h++ {
			fmt.Fprintf(&cfg, "    \"127.0.0.%d:%d\": {delay: %s, concurrency: %d}\n", h, port, delay, *lanes)
		}
	}
	cfg.WriteString("sources:\n")
	for b := range *boards {
		base := fmt.Sprintf("http://127.0.0.%d:%d", b%*hosts+1, port)
		if *typ == "greenhouse" {
			fmt.Fprintf(&cfg, "  - name: board-%d\n    type: greenhouse\n    board: board-%d\n    url: %s\n", b, b, base)
		} else {
			fmt.Fprintf(&cfg, "  - name: board-%d\n    type: eightfold\n    company: Board %d\n    url: %s\n    domain: board-%d.example\n    interface: apply\n", b, b, base, b)
		}
	}
	cfgPath := filepath.Join(tmp, "config.yaml")
	if err := os.WriteFile(cfgPath, []byte(cfg.String()), 0o644); err != nil {
		log.Fatal(err)
	}

	n := 0
	runW := func() usage {
		n++
		args := []string{"run", "-c", cfgPath}
		if *profile != "" {
			args = append(args, "--profile", filepath.Join(*profile, fmt.Sprintf("watcher-%d", n)))
		}
		cmd := exec.Command(*watcher, args...)
		cmd.Env = os.Environ()
		if *env != "" {
			cmd.Env = append(cmd.Env, strings.Split(*env, ",")...)
		}
		return measure(cmd, filepath.Join(tmp, fmt.Sprintf("watcher-%d.log", n)))
	}
	runF := func(details bool) usage {
		n++
		args := []string{"-port", fmt.Sprint(port), "-hosts", fmt.Sprint(*hosts), "-type", *typ,
			"-boards", fmt.Sprint(*boards), "-workers", fmt.Sprint(*workers)}
		if details {
			args = append(args, "-details", "-out", filepath.Join(tmp, fmt.Sprintf("floor-%d", n)))
		}
		return measure(exec.Command(floor, args...), filepath.Join(tmp, fmt.Sprintf("floor-%d.log", n)))
	}

	type row struct {
		name string
		w, f usage
	}
	var rows []row
	if *reuse == "" {
		first := row{name: fmt.Sprintf("first cycle, %d boards x %d (%d postings)", *boards, *postings, *boards**postings)}
		first.w = runW()
		if *firstFloor {
			first.f = runF(true)
		}
		rows = append(rows, first)
	} else {
		n = 100 // log names after the kept folder's
	}
	for range max(*quiets, 1) {
		quiet := row{name: fmt.Sprintf("quiet cycle, %d boards x %d", *boards, *postings)}
		quiet.w = runW()
		quiet.f = runF(false)
		rows = append(rows, quiet)
	}
	if *change > 0 {
		resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/_bench/next", port))
		if err != nil {
			log.Fatal(err)
		}
		resp.Body.Close()
		c := row{name: fmt.Sprintf("changed cycle, %.1f%% of %d postings (floor: lists only)", *change*100, *boards**postings)}
		c.w = runW()
		c.f = runF(false)
		rows = append(rows, c)
	}

	fmt.Printf("\nmachine: %d CPUs, %s, %s, load average %s; stand-in: %s; watcher: per_host_delay %s, %d host(s), %d lane(s) each; floor: %d workers\n\n",
		runtime.NumCPU(), cpuModel(), runtime.Version(), loadAvg(), *typ, *delay, *hosts, *lanes, *workers)
	fmt.Println("| cycle | watcher CPU-s | floor CPU-s | ratio | watcher wall s | floor wall s | ratio | watcher peak RSS MB | floor peak RSS MB | ratio |")
	fmt.Println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
	for _, r := range rows {
		if r.f.wall == 0 { // the floor was not run (-first-floor=false)
			fmt.Printf("| %s | %.2f | - | - | %.2f | - | - | %.0f | - | - |\n", r.name,
				r.w.cpu.Seconds(), r.w.wall.Seconds(), float64(r.w.rssKB)/1024)
			continue
		}
		fmt.Printf("| %s | %.2f | %.2f | %.2fx | %.2f | %.2f | %.2fx | %.0f | %.0f | %.2fx |\n", r.name,
			r.w.cpu.Seconds(), r.f.cpu.Seconds(), r.w.cpu.Seconds()/r.f.cpu.Seconds(),
			r.w.wall.Seconds(), r.f.wall.Seconds(), r.w.wall.Seconds()/r.f.wall.Seconds(),
			float64(r.w.rssKB)/1024, float64(r.f.rssKB)/1024, float64(r.w.rssKB)/float64(r.f.rssKB))
	}
}

// measure runs cmd (output to logPath) and returns its rusage; a failure
// ends the benchmark with the log's tail.
func measure(cmd *exec.Cmd, logPath string) usage {
	lf, err := os.Create(logPath)
	if err != nil {
		log.Fatal(err)
	}
	defer lf.Close()
	cmd.Stdout, cmd.Stderr = lf, lf
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	if err != nil {
		b, _ := os.ReadFile(logPath)
		if len(b) > 3000 {
			b = b[len(b)-3000:]
		}
		log.Fatalf("bench: %s: %v\n%s", strings.Join(cmd.Args, " "), err, b)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return usage{cpu: cpu, wall: wall, rssKB: ru.Maxrss}
}

// loadAvg is the 1, 5 and 15 minute load average (the machine may be
// shared: the ratios are what compare).
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func cpuModel() string {
	b, _ := os.ReadFile("/proc/cpuinfo")
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "model name") {
			if _, v, ok := strings.Cut(l, ":"); ok {
				return strings.TrimSpace(v)
			}
		}
	}
	return "unknown CPU"
}
