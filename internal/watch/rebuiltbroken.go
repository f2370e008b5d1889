package watch

import (
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// recoverBroken puts back into a rebuilt index (its index file was
// unreadable or gone) the postings of the files the rebuild could not
// decode (snapshot.Index.Broken), each as its newest committed copy that
// decodes has it: its key (an earlier id rule's too, which formerKeys
// then maps), its hash. The run then treats it as any stored posting:
// listed, it is compared with that copy and its file rewritten; gone from
// the listing, it is counted missing and removed with its event, the file
// with it. A file with no good committed copy is named in a warning; a
// listed posting whose file it is is still not reported added
// (compareUnindexed).
func (r *Runner) recoverBroken(src string, idx *snapshot.Index) {
	if r.store == nil || len(idx.Broken) == 0 {
		return
	}
	hist := &committed{r: r}
	for _, name := range idx.Broken {
		path := r.store.NamedPath(src, name)
		if b, ok := hist.blob(path, "", maxCommitsBack); ok {
			p, own := snapshot.OwnFile(src, name, b, nil)
			if _, dup := idx.Postings[p.ID]; own && !dup && snapshot.PostingName(p.ID) == name {
				idx.Postings[p.ID] = snapshot.Entry{Hash: model.Hash(b)}
				r.log.Warn("stored snapshot unreadable: its posting taken from its last good committed copy for the rebuilt index", "source", src, "posting", p.ID, "path", path)
				continue
			}
		}
		r.log.Warn("stored snapshot unreadable and no good committed copy: its posting is not in the rebuilt index", "source", src, "path", path)
	}
}
