package pgstore

import (
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Snapshots is every open posting of a source as its canonical bytes (the
// snapshot files' content), by id: what export-git writes into a folder.
func (b *Backend) Snapshots(source string) (map[string][]byte, error) {
	rows, err := b.db().Query(b.ctx, `SELECT id, snapshot::text FROM postings WHERE source = $1 AND removed_at IS NULL`, source)
	if err != nil {
		return nil, fmt.Errorf("pgstore: postings of source %q: %w", source, err)
	}
	out := map[string][]byte{}
	var id string
	var js []byte
	_, err = pgx.ForEachRow(rows, []any{&id, &js}, func() error {
		_, raw, err := decodeSnapshot(js)
		if err != nil {
			return fmt.Errorf("posting %q: %w", id, err)
		}
		out[id] = raw
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("pgstore: postings of source %q: %w", source, err)
	}
	return out, nil
}
