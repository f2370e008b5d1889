package snapshot

import "github.com/careers-watcher/careers-watcher/internal/model"

// Moves follows postings by key across the key upgrade's renames between
// two versions of a source's folder (before and after: posting file name
// -> its blob, as a commit's tree or a folder on disk has them): a file
// before has and after lacks, whose posting (read: OwnFile of that blob)
// is named after its key in after and not in before, was moved there. The
// result maps each such file's name to its key's name (from -> to).
//
// Only the files after lacks are read, each once; read's ok false (not a
// snapshot of the source) is no move, its error ends the walk. Whether a
// move also changed the posting is the caller's to tell (the bytes of the
// two files, or their canonical encodings).
func Moves[H comparable](before, after map[string]H, read func(name string, blob H) (model.Posting, bool, error)) (map[string]string, error) {
	moves := map[string]string{}
	for name, blob := range before {
		if _, still := after[name]; still {
			continue
		}
		p, ok, err := read(name, blob)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		to := PostingName(p.ID)
		if to == name {
			continue
		}
		if _, in := after[to]; !in {
			continue
		}
		if _, was := before[to]; was {
			continue // its key's file was there already: this one was a copy
		}
		moves[name] = to
	}
	return moves, nil
}
