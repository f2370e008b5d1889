package pgstore

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// PostgreSQL's text and jsonb hold neither a NUL byte nor invalid UTF-8.
// The pipeline keeps every posting under snapshot.Key of its id (trimmed,
// model.PostingKey, the source's secrets masked) and drops NUL bytes from
// its text (internal/watch, in both stores alike), so a posting of a run
// is storable as it is. What comes from elsewhere (a snapshot history
// imported by import-git, written by a build before the keys) is keyed
// here by the one rule the files store uses for an id a snapshot holds,
// snapshot.StoredKey: trimmed, kept when storable (a key the pipeline made
// is never escaped twice), else model.PostingKey. This package masks
// nothing (it is given no secrets): the pipeline masks a run's keys, and
// import-git keys a history with its source's posting mask
// (fleet.PostingMask, the secrets its board was sent) before its changes
// and index get here, since a snapshot written before keys were masked
// may hold a secret in its id.

// storableID is the id a posting is stored under.
func storableID(id string) string { return snapshot.StoredKey(id, nil) }

var jsonNUL = []byte(`\u0000`)

// storableChange is c with its posting id and snapshot storable.
func storableChange(c Change) (Change, error) {
	id := storableID(c.PostingID)
	rekeyed := id != c.PostingID
	c.PostingID = id
	if c.Kind == Removed || len(c.Snapshot) == 0 {
		return c, nil
	}
	if rekeyed || bytes.Contains(c.Snapshot, jsonNUL) || !model.Storable(string(c.Snapshot)) {
		p, err := model.Decode(c.Snapshot)
		if err != nil {
			return c, fmt.Errorf("not a snapshot: %w", err)
		}
		// the snapshot's id is the key (its JSON already lost the bytes
		// of invalid UTF-8: the change's id is the exact one)
		p.ID = id
		model.DropNUL(&p)
		data, err := model.Encode(p)
		if err != nil {
			return c, err
		}
		c.Snapshot, c.Hash = data, model.Hash(data)
	}
	return c, nil
}

// storableIndex is an index's JSON with its posting ids storable.
func storableIndex(raw []byte) ([]byte, error) {
	if !bytes.Contains(raw, jsonNUL) && model.Storable(string(raw)) {
		return raw, nil
	}
	var idx snapshot.Index
	if err := json.Unmarshal(raw, &idx); err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	return json.Marshal(storableKeys(idx))
}

// storableKeys is idx with its posting ids storable.
func storableKeys(idx snapshot.Index) snapshot.Index {
	keyed := make(map[string]snapshot.Entry, len(idx.Postings))
	for id, e := range idx.Postings {
		keyed[storableID(id)] = e
	}
	idx.Postings = keyed
	return idx
}
