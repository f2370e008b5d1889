package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"

	"github.com/spf13/cobra"
)

// Profile files that --profile DIR writes.
const (
	cpuProfileName  = "cpu.pprof"
	heapProfileName = "heap.pprof"
)

// profiler writes a CPU profile of a command while it runs and a heap
// profile when it ends (run and daemon --profile DIR), for `go tool pprof`.
type profiler struct {
	dir string
	cpu *os.File
}

func addProfileFlag(cmd *cobra.Command, dir *string) {
	cmd.Flags().StringVar(dir, "profile", "", "write a CPU profile (cpu.pprof) and a heap profile at the end (heap.pprof) to this folder, for go tool pprof")
	_ = cmd.MarkFlagDirname("profile")
}

// startProfile starts the CPU profile in dir (created if missing); an empty
// dir profiles nothing.
func startProfile(dir string) (*profiler, error) {
	if dir == "" {
		return nil, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("profile: %w", err)
	}
	f, err := os.Create(filepath.Join(dir, cpuProfileName))
	if err != nil {
		return nil, fmt.Errorf("profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("profile: %s: %w", f.Name(), err)
	}
	return &profiler{dir: dir, cpu: f}, nil
}

// stop ends the CPU profile and writes the heap profile (after a garbage
// collection, so that in-use figures are current; it holds the allocations
// of the whole run too).
func (p *profiler) stop() error {
	if p == nil {
		return nil
	}
	pprof.StopCPUProfile()
	err := p.cpu.Close()
	if err != nil {
		err = fmt.Errorf("profile: %s: %w", p.cpu.Name(), err)
	}
	runtime.GC()
	name := filepath.Join(p.dir, heapProfileName)
	f, herr := os.Create(name)
	if herr == nil {
		herr = pprof.Lookup("heap").WriteTo(f, 0)
		if cerr := f.Close(); herr == nil {
			herr = cerr
		}
	}
	if herr != nil {
		err = errors.Join(err, fmt.Errorf("profile: %s: %w", name, herr))
	}
	return err
}

// profiled runs body under --profile dir: a profile that cannot start is a
// usage error before anything runs; one that cannot be written at the end
// makes an otherwise good command exit 1.
func profiled(cmd *cobra.Command, dir string, body func() error) error {
	if f := cmd.Flags().Lookup("profile"); f != nil && f.Changed && strings.TrimSpace(dir) == "" {
		// --profile "" (an unset variable in a script) would profile nothing
		return usageFail(cmd, cmd.ErrOrStderr(), "--profile needs a folder (such as --profile prof), not an empty value")
	}
	p, err := startProfile(dir)
	if err != nil {
		return usageFail(cmd, cmd.ErrOrStderr(), "--profile %s: %v", dir, err)
	}
	err = body()
	if serr := p.stop(); serr != nil {
		fmt.Fprintf(cmd.ErrOrStderr(), "%s: %v\n", cmd.CommandPath(), serr)
		if err == nil {
			err = &exitError{ExitFailed}
		}
	}
	return err
}
