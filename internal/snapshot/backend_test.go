package snapshot_test

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/snapshot"
	"github.com/careers-watcher/careers-watcher/internal/snapshot/snapshottest"
)

// The folder of files keeps the Backend contract.
func TestStoreKeepsTheBackendContract(t *testing.T) {
	dir := t.TempDir()
	snapshottest.Run(t, func() snapshot.Backend {
		s, err := snapshot.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}
