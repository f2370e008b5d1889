package watch

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/report"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// readmeRow is what a source's README.md shows of one posting, with the
// hash of the snapshot it was taken from.
type readmeRow struct {
	Hash    string        `json:"hash"`
	Posting model.Posting `json:"posting"` // only the fields the README shows
}

// thin keeps the fields of p that SourceReadme shows.
func thin(p model.Posting) model.Posting {
	return model.Posting{
		ID: p.ID, Title: p.Title, URL: p.URL, Company: p.Company, Levels: p.Levels,
		Locations: p.Locations, Workplace: p.Workplace, Salary: p.Salary,
		Skills: model.Skills{Required: p.Skills.Required, Preferred: p.Skills.Preferred},
	}
}

func (r *Runner) readmeRowsPath(source string) string {
	return filepath.Join(r.store.Dir, snapshot.StateDir, "readme", source+".json")
}

// writeReadme rewrites the README.md of a source's snapshot folder (a table
// of its open postings, for reading the repository on a git host) when its
// postings changed or it is missing; it returns the paths written (the
// README and its rows cache), none when it was left as it was.
//
// The rows of the table are kept in the state, each with the hash of its
// snapshot: a run that changed ten postings decodes those ten, not every
// snapshot. Rows that do not match the index (a crash, a hand edit) are
// rebuilt from the files.
func (r *Runner) writeReadme(source string, p plan) ([]string, error) {
	path := filepath.Join(r.store.Dir, source, report.ReadmeName)
	changed := len(p.writes) > 0 || len(p.removes) > 0
	if _, err := os.Stat(path); err == nil && !changed {
		return nil, nil
	}
	rows := map[string]readmeRow{}
	if b, err := os.ReadFile(r.readmeRowsPath(source)); err == nil {
		json.Unmarshal(b, &rows) // unreadable: rebuilt below
	}
	for id, data := range p.writes {
		post, err := model.Decode(data)
		if err != nil {
			return nil, err
		}
		rows[id] = readmeRow{Hash: model.Hash(data), Posting: thin(post)}
	}
	for _, id := range p.removes {
		delete(rows, id)
	}
	if !rowsMatch(rows, p.index) {
		postings, err := report.Postings(r.store.Dir, source)
		if err != nil {
			return nil, err
		}
		rows = make(map[string]readmeRow, len(postings))
		for _, post := range postings {
			if e, ok := p.index.Postings[post.ID]; ok {
				rows[post.ID] = readmeRow{Hash: e.Hash, Posting: thin(post)}
			}
		}
	}
	postings := make([]model.Posting, 0, len(rows))
	for _, row := range rows {
		postings = append(postings, row.Posting)
	}
	if err := snapshot.WriteFile(path, report.SourceReadme(source, postings)); err != nil {
		return nil, err
	}
	b, err := json.Marshal(rows)
	if err != nil {
		return nil, err
	}
	if err := snapshot.WriteFile(r.readmeRowsPath(source), append(b, '\n')); err != nil {
		return nil, err
	}
	return []string{path, r.readmeRowsPath(source)}, nil
}

// rowsMatch reports whether the rows are exactly the index's postings, each
// from the snapshot the index has.
func rowsMatch(rows map[string]readmeRow, idx snapshot.Index) bool {
	if len(rows) != len(idx.Postings) {
		return false
	}
	for id, e := range idx.Postings {
		if row, ok := rows[id]; !ok || row.Hash != e.Hash {
			return false
		}
	}
	return true
}
