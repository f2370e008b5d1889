package gitrepo

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
)

// lastMadeFile is the file of the git directory (never committed, never
// pushed) where a commit records the branch it moved and the commit it
// moved it to: "<ref> <hash>\n". A branch that no longer holds that commit
// because its ref was rewound to an older one of its own history, or
// lost, is refused (checkMade): git reads a loose ref that is gone or
// empty from an older packed-refs line without a word, and a clone's
// remote-tracking refs made a lost branch look like an orphan branch
// beside them (review s22 F4).
const lastMadeFile = "careers-watcher-last-commit"

// maxRewindWalk bounds the commits read to tell a rewound branch: one
// rewound further back is not told.
const maxRewindWalk = 1000

func (r *Repo) lastMadePath() string { return filepath.Join(r.gitDir, lastMadeFile) }

// recordMade records that name now points at h. It is advisory: a record
// that could not be written (or that a power loss lost) is older, and an
// older commit of the branch's history is what the branch holds anyway.
func (r *Repo) recordMade(name plumbing.ReferenceName, h plumbing.Hash) {
	_ = atomicfile.WriteFileNoSync(r.lastMadePath(), []byte(name.String()+" "+h.String()+"\n"))
}

// lastMade is the commit the record says name was moved to, if it names
// name.
func (r *Repo) lastMade(name plumbing.ReferenceName) (plumbing.Hash, bool) {
	b, err := os.ReadFile(r.lastMadePath())
	if err != nil {
		return plumbing.ZeroHash, false
	}
	ref, hash, ok := strings.Cut(strings.TrimSpace(string(b)), " ")
	if !ok || ref != name.String() || !plumbing.IsHash(hash) {
		return plumbing.ZeroHash, false
	}
	return plumbing.NewHash(hash), true
}

// checkMade refuses a branch at tip (ZeroHash: its ref is missing) that
// does not hold the last commit a commit moved it to, made, when its loose
// ref file is gone or empty and tip, read from packed-refs, is an older
// commit of made's history (or there is none): a ref lost. A branch moved
// by git (a reset, a checkout -B, a commit of the user's, a rebase, an
// amend) has a loose ref file, and is not refused.
func (r *Repo) checkMade(name plumbing.ReferenceName, tip plumbing.Hash) error {
	made, ok := r.lastMade(name)
	if !ok || made == tip {
		return nil
	}
	if _, err := r.readCommit(made); err != nil {
		return nil // pruned since: the rewind was meant
	}
	fix := fmt.Sprintf("restore it with git update-ref %s %s; if the rewind was meant, delete %s", name, made, r.lastMadePath())
	if tip.IsZero() {
		return fmt.Errorf("branch %s: %s is missing while the repository holds %s, the last commit made on it: the ref is damaged (a commit now would start a new history without the earlier snapshots); %s", name, r.refPath(name), made, fix)
	}
	// git writes a loose ref file for every move it makes (a reset, a
	// checkout -B to the remote's branch after a failed push: deliberate,
	// and allowed); only a loose ref that is gone or empty, so that the
	// branch is read from an older packed-refs line, is damage
	if fi, err := os.Stat(r.refPath(name)); err == nil && fi.Size() > 0 {
		return nil
	}
	if !r.rewound(made, tip) {
		return nil
	}
	return fmt.Errorf("branch %s points at %s, an older commit of its history than %s, the last commit made on it: its ref file %s is gone or empty, and packed-refs holds an older value; a commit now would leave the commits in between out of the history; %s", name, tip, made, r.refPath(name), fix)
}

// rewound is hasAncestor(made, tip), remembered for the last pair asked:
// the read paths resolve HEAD again and again.
func (r *Repo) rewound(made, tip plumbing.Hash) bool {
	r.locksMu.Lock()
	if r.rewoundMemo.made == made && r.rewoundMemo.tip == tip {
		v := r.rewoundMemo.v
		r.locksMu.Unlock()
		return v
	}
	r.locksMu.Unlock()
	v := r.hasAncestor(made, tip)
	r.locksMu.Lock()
	r.rewoundMemo.made, r.rewoundMemo.tip, r.rewoundMemo.v = made, tip, v
	r.locksMu.Unlock()
	return v
}

// hasAncestor says whether old is in from's history, within
// maxRewindWalk commits.
func (r *Repo) hasAncestor(from, old plumbing.Hash) bool {
	seen := map[plumbing.Hash]bool{from: true}
	queue := []plumbing.Hash{from}
	for len(queue) > 0 && len(seen) <= maxRewindWalk {
		c, err := r.readCommit(queue[0])
		queue = queue[1:]
		if err != nil {
			continue
		}
		for _, p := range c.ParentHashes {
			if p == old {
				return true
			}
			if !seen[p] {
				seen[p] = true
				queue = append(queue, p)
			}
		}
	}
	return false
}
