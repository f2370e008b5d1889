package snapshot

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
)

// Durability in batches. Between BeginWrite and EndWrite, WriteFile and
// RemoveFile of paths inside the store's folder skip the two fsyncs per
// file (atomic renames still: a killed process leaves old or new content),
// and the files are made durable together, with one syncfs(2) of the
// folder's file system, at three points:
//
//   - SaveIndex: before a source's index is written (durably, with its own
//     fsync), so an index on disk never names content that a power loss
//     could still take back;
//   - the git commit: gitrepo syncs before the branch moves;
//   - EndWrite: before the run marker goes, so a marker-less folder is a
//     durable one.
//
// The run marker itself is written durably before the first write: after a
// power loss in the middle, the next run finds it and finishes the run, as
// after a crash. Where one call cannot sync a file system
// (atomicfile.CanSyncFS false), every write keeps its fsyncs.

// batch is the write phase of one snapshot folder.
type batch struct {
	dirty bool // a file was written or removed without fsync since the last sync
}

var batches = struct {
	sync.Mutex
	m map[string]*batch // by the store's absolute folder
}{m: map[string]*batch{}}

// batchOf returns the write phase path is inside, nil when none.
func batchOf(path string) *batch {
	batches.Lock()
	defer batches.Unlock()
	if len(batches.m) == 0 {
		return nil
	}
	path = filepath.Clean(path)
	for dir, b := range batches.m {
		if strings.HasPrefix(path, dir+string(filepath.Separator)) {
			return b
		}
	}
	return nil
}

// markDirty records an unsynced write in path's batch; false when path is
// in none (the caller writes durably).
func markDirty(path string) bool {
	if !atomicfile.CanSyncFS {
		return false
	}
	b := batchOf(path)
	if b == nil {
		return false
	}
	batches.Lock()
	b.dirty = true
	batches.Unlock()
	return true
}

func (s *Store) beginBatch() {
	if !atomicfile.CanSyncFS {
		return
	}
	batches.Lock()
	defer batches.Unlock()
	if _, ok := batches.m[s.Dir]; !ok {
		batches.m[s.Dir] = &batch{}
	}
}

// Sync makes every file written in the current write phase durable (one
// syncfs of the folder's file system); nothing to do when none was written
// without an fsync since the last Sync.
func (s *Store) Sync() error {
	batches.Lock()
	b := batches.m[s.Dir]
	dirty := b != nil && b.dirty
	batches.Unlock()
	if !dirty {
		return nil
	}
	if err := atomicfile.SyncFS(s.Dir); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	batches.Lock()
	b.dirty = false
	batches.Unlock()
	return nil
}

// endBatch syncs and leaves the write phase.
func (s *Store) endBatch() error {
	if err := s.Sync(); err != nil {
		return err
	}
	batches.Lock()
	delete(batches.m, s.Dir)
	batches.Unlock()
	return nil
}

// writeDurable writes path with its own fsyncs, whatever the phase.
func writeDurable(path string, data []byte) error {
	if err := atomicfile.WriteFile(path, data); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	return nil
}
