package scrape

import (
	"crypto/sha256"
	"encoding/hex"
)

// A listing read in pages whose every page answers, byte for byte, what it
// answered in the last run that recorded them decodes to the same
// postings: no page needs decoding, and the runner, which knows whether
// that run's outcome can stand (every listed posting stored under the
// stamp its listing gave, no detail left pending, the files as the index
// says), may keep every stored posting as a 304 would. The pages are
// still fetched, politely, every run: only the work after the fetch is
// saved. The digests are kept with the source's validators, keyed by URL
// (redacted as validators are), each with the adapter's cursor to the
// next page, so that a run follows the pages the last one read without
// decoding them.

// pageMemo is what a client knows of a source's listing pages.
type pageMemo struct {
	salt string // "": pages are neither recorded nor compared
	keep bool   // SamePage may say a page is the same
	// seen are the pages of this run's listing (recorded, or found the
	// same): only their records are kept (Validators), so that the
	// records are one run's chain of pages, never a page of another
	// interface, other settings or an older listing (review s25 K1).
	seen map[string]bool
}

// Listing sets what a page's digest is bound to besides its body (salt:
// the program's build, the source's settings; "" records nothing), and
// whether the runner lets the adapter take a listing whose pages are all
// the same as the last run's as unchanged (keep; see SamePage). It
// returns c.
func (c *Client) Listing(salt string, keep bool) *Client {
	c.vmu.Lock()
	defer c.vmu.Unlock()
	c.pages = pageMemo{salt: salt, keep: keep && salt != ""}
	return c
}

// PageDigest is the digest of a listing page's body under the client's
// salt; "" when the client records no pages.
func (c *Client) PageDigest(body []byte) string {
	c.vmu.Lock()
	salt := c.pages.salt
	c.vmu.Unlock()
	if salt == "" || c.validators == nil {
		return ""
	}
	h := sha256.New()
	h.Write([]byte(salt))
	h.Write([]byte{0})
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil))
}

// SamePage reports whether the page u answered what it answered when it
// was last recorded (digest from PageDigest), and the cursor recorded
// after it; never same unless the runner allows keeping (Listing).
func (c *Client) SamePage(u, digest string) (next string, same bool) {
	if digest == "" {
		return "", false
	}
	c.vmu.Lock()
	defer c.vmu.Unlock()
	if !c.pages.keep {
		return "", false
	}
	u = c.opts.Redact(u)
	v, ok := c.validators[u]
	if !ok || v.Digest != digest {
		return "", false
	}
	c.pages.see(u)
	return v.Next, true
}

// RecordPage records that u answered a page whose digest is digest, read
// before the page at cursor next ("": the listing's last page).
func (c *Client) RecordPage(u, digest, next string) {
	if digest == "" {
		return
	}
	c.vmu.Lock()
	defer c.vmu.Unlock()
	if c.validators == nil {
		return
	}
	u = c.opts.Redact(u)
	v := c.validators[u]
	v.Digest, v.Next = digest, next
	c.validators[u] = v
	c.pages.see(u)
}

func (m *pageMemo) see(u string) {
	if m.seen == nil {
		m.seen = map[string]bool{}
	}
	m.seen[u] = true
}

// keeps reports whether a URL's page record stays in the validators the
// client gives back: only this run's pages' do.
func (m *pageMemo) keeps(u string) bool { return m.seen[u] }
