package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	gogit "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/plumbing/transport"
	githttp "github.com/go-git/go-git/v5/plumbing/transport/http"
	gitssh "github.com/go-git/go-git/v5/plumbing/transport/ssh"
)

// PushedPrefix is where Push records, per branch, the last commit a remote
// took (refs/watcher/pushed/<branch>): the commits after it are unpushed.
const PushedPrefix = "refs/watcher/pushed/"

// PushOptions say where and how to push.
type PushOptions struct {
	Remote string // a remote's name ("origin") or a URL or path
	Branch string // "" the branch HEAD is on
	// Username and Token: basic auth for an HTTP(S) remote (Username ""
	// is "x-access-token").
	Username, Token string
	SSHKey          string // PEM private key for an SSH remote; "" the SSH agent
}

// isURL tells a URL or path from a remote's name.
func isURL(remote string) bool { return strings.ContainsAny(remote, "/:\\") }

func (o PushOptions) auth() (transport.AuthMethod, error) {
	switch {
	case o.Token != "":
		user := o.Username
		if user == "" {
			user = "x-access-token"
		}
		return &githttp.BasicAuth{Username: user, Password: o.Token}, nil
	case o.SSHKey != "":
		user := "git"
		if ep, err := transport.NewEndpoint(o.Remote); err == nil && ep.User != "" {
			user = ep.User
		}
		k, err := gitssh.NewPublicKeys(user, []byte(o.SSHKey), "")
		if err != nil {
			return nil, errors.New("ssh_key: not a usable private key") // never the key's text
		}
		return k, nil
	}
	return nil, nil
}

// branchRef is the branch to push: o.Branch, or the one HEAD is on.
func (r *Repo) branchRef(branch string) (plumbing.ReferenceName, plumbing.Hash, error) {
	var name plumbing.ReferenceName
	if branch != "" {
		name = plumbing.NewBranchReferenceName(branch)
	} else {
		h, err := r.resolveHead()
		if err != nil {
			return "", plumbing.ZeroHash, err
		}
		if !h.ref.IsBranch() {
			return "", plumbing.ZeroHash, errors.New("HEAD is detached: set git.push.branch")
		}
		name = h.ref
	}
	ref, err := r.st.Reference(name)
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return name, plumbing.ZeroHash, nil // unborn: nothing to push
	}
	if err != nil {
		return "", plumbing.ZeroHash, fmt.Errorf("read %s: %w", name, err)
	}
	return name, ref.Hash(), nil
}

// Push pushes the branch to the remote, under the same name (never
// forced), and records the commit pushed (PushedPrefix). It returns that
// commit's hash, "" when the branch has no commit yet. A failed push
// changes nothing here: the local commits stay, and the next push sends
// them all. Errors name the remote as given (its URL, which is redacted by
// the caller when it holds a secret), never a credential.
func (r *Repo) Push(ctx context.Context, o PushOptions) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	name, hash, err := r.branchRef(o.Branch)
	if err != nil {
		return "", fmt.Errorf("gitrepo: push: %w", err)
	}
	if hash.IsZero() {
		return "", nil
	}
	auth, err := o.auth()
	if err != nil {
		return "", fmt.Errorf("gitrepo: push to %s: %w", RedactURL(o.Remote), err)
	}
	var remote *gogit.Remote
	if isURL(o.Remote) {
		remote = gogit.NewRemote(r.st, &config.RemoteConfig{Name: "watcher-push", URLs: []string{o.Remote}})
	} else {
		repo, err := gogit.Open(r.st, nil)
		if err != nil {
			return "", fmt.Errorf("gitrepo: push: %w", err)
		}
		if remote, err = repo.Remote(o.Remote); err != nil {
			return "", fmt.Errorf("gitrepo: push: remote %q: %w", o.Remote, err)
		}
	}
	spec := config.RefSpec(name.String() + ":" + name.String())
	err = remote.PushContext(ctx, &gogit.PushOptions{RemoteName: remote.Config().Name, RefSpecs: []config.RefSpec{spec}, Auth: auth})
	if err != nil && !errors.Is(err, gogit.NoErrAlreadyUpToDate) {
		return "", fmt.Errorf("gitrepo: push %s to %s: %w", name.Short(), RedactURL(o.Remote), err)
	}
	pushed := plumbing.ReferenceName(PushedPrefix + name.Short())
	if err := r.st.SetReference(plumbing.NewHashReference(pushed, hash)); err != nil {
		return "", fmt.Errorf("gitrepo: push: record %s: %w", pushed, err)
	}
	return hash.String(), nil
}

// Unpushed counts the commits of the branch ("" HEAD's) after the last one
// pushed, along first parents (up to maxUnpushed).
func (r *Repo) Unpushed(branch string) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	name, hash, err := r.branchRef(branch)
	if err != nil {
		return 0, fmt.Errorf("gitrepo: %w", err)
	}
	return countUnpushed(r.st, name, hash)
}

// maxUnpushed bounds the walk of Unpushed.
const maxUnpushed = 10000

// countUnpushed walks first parents from hash to the commit recorded as
// pushed for the branch name.
func countUnpushed(s storer.Storer, name plumbing.ReferenceName, hash plumbing.Hash) (int, error) {
	var pushed plumbing.Hash
	if ref, err := s.Reference(plumbing.ReferenceName(PushedPrefix + name.Short())); err == nil {
		pushed = ref.Hash()
	}
	n := 0
	for h := hash; !h.IsZero() && h != pushed && n < maxUnpushed; n++ {
		c, err := object.GetCommit(s, h)
		if err != nil {
			return n, fmt.Errorf("gitrepo: commit %s: %w", h, err)
		}
		if c.NumParents() == 0 {
			return n + 1, nil
		}
		h = c.ParentHashes[0]
	}
	return n, nil
}

// UnpushedIn counts the unpushed commits of the repository holding dir
// without writing anything (no repository is made): ok is false when there
// is none.
func UnpushedIn(dir, branch string) (n int, ok bool, err error) {
	repo, err := gogit.PlainOpenWithOptions(dir, &gogit.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if err != nil {
		return 0, false, nil
	}
	var name plumbing.ReferenceName
	if branch != "" {
		name = plumbing.NewBranchReferenceName(branch)
	} else {
		head, err := repo.Storer.Reference(plumbing.HEAD)
		if err != nil {
			return 0, false, nil
		}
		if head.Type() != plumbing.SymbolicReference {
			return 0, true, errors.New("gitrepo: HEAD is detached: set git.push.branch")
		}
		name = head.Target()
	}
	ref, err := repo.Storer.Reference(name)
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return 0, true, nil
	}
	if err != nil {
		return 0, true, fmt.Errorf("gitrepo: read %s: %w", name, err)
	}
	n, err = countUnpushed(repo.Storer, name, ref.Hash())
	return n, true, err
}

// RedactURL hides the password of a URL remote (https://user:pass@host).
func RedactURL(remote string) string {
	u, err := url.Parse(remote)
	if err != nil || u.User == nil {
		return remote
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}
