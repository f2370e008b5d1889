package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Version is set at build time with -ldflags "-X .../internal/cli.Version=...";
// when it is not, `watcher version` shows the module version from the
// build info.
var Version = "dev"

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "print the version and the VCS revision it was built from",
		Long: `Prints the version (set at build time with -ldflags, else the module version the Go
toolchain stamped), the VCS revision and its time, whether the work tree had local
changes, and the Go version and platform. 'watcher --version' prints the same.`,
		Example: `  watcher version`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return versionRun(cmd)
		},
	}
}

func versionRun(cmd *cobra.Command) error {
	bi, ok := debug.ReadBuildInfo()
	fmt.Fprint(cmd.OutOrStdout(), versionText(Version, bi, ok))
	return nil
}

// version is Version, else the module version in the build info, else "dev".
func version() string {
	bi, ok := debug.ReadBuildInfo()
	return resolveVersion(Version, bi, ok)
}

func resolveVersion(version string, bi *debug.BuildInfo, ok bool) string {
	if (version == "" || version == "dev") && ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	if version == "" {
		return "dev"
	}
	return version
}

// versionText is the output of `watcher version`: the first line is
// "watcher VERSION", as in v1.
func versionText(version string, bi *debug.BuildInfo, ok bool) string {
	settings := map[string]string{}
	if ok {
		for _, s := range bi.Settings {
			settings[s.Key] = s.Value
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "watcher %s\n", resolveVersion(version, bi, ok))
	if ok && bi.Main.Path != "" {
		fmt.Fprintf(&b, "module:   %s\n", bi.Main.Path)
	}
	if rev := settings["vcs.revision"]; rev != "" {
		line := rev
		var notes []string
		if t := settings["vcs.time"]; t != "" {
			notes = append(notes, t)
		}
		if settings["vcs.modified"] == "true" {
			notes = append(notes, "with local changes")
		}
		if len(notes) > 0 {
			line += " (" + strings.Join(notes, ", ") + ")"
		}
		fmt.Fprintf(&b, "revision: %s\n", line)
	} else {
		fmt.Fprintf(&b, "revision: unknown (built without VCS information)\n")
	}
	goVersion := runtime.Version()
	if ok && bi.GoVersion != "" {
		goVersion = bi.GoVersion
	}
	fmt.Fprintf(&b, "go:       %s %s/%s\n", goVersion, runtime.GOOS, runtime.GOARCH)
	return b.String()
}
