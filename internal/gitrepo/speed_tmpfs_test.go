package gitrepo

import (
	"os"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/testtmp"
)

// TestMain puts the tests' temporary folders in memory when the machine
// has room there (internal/testtmp): the durable writes cost most of this
// package's time on a disk.
func TestMain(m *testing.M) { os.Exit(testtmp.Main(m)) }
