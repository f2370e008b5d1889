// Command watcher watches public careers listings, keeps a snapshot of every
// posting in git and reports what changed. See README.md.
package main

import (
	"os"

	"github.com/careers-watcher/careers-watcher/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
