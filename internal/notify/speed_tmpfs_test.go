package notify_test

import (
	"os"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/testtmp"
)

// TestMain puts the tests' temporary folders in memory when the machine
// has room there (internal/testtmp): the git repositories and durable
// writes of this package's tests cost most of their time on a disk.
func TestMain(m *testing.M) { os.Exit(testtmp.Main(m)) }
