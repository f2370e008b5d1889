package jsonld

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/url"
	"slices"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// A posting's id is its schema.org identifier, or its page's URL
// (StableURL) when it has none. Some sites put one identifier on several
// postings (the company's, a department's), so an identifier that different
// postings share cannot be their id. Which postings then take their URL as
// id must not change with the rest of the page: a new posting that reuses
// an existing posting's identifier would otherwise rename that posting too
// (reported removed and added again, a false alarm for a posting nobody
// touched). So the adapter keeps, between runs, which identifier belongs to
// which page and which pages carry their URL as id, and keeps every id it
// gave as long as the posting is listed.

// idState is the id memory kept in the source's state (scrape.Stateful).
type idState struct {
	// Owners maps an identifier used as id to the posting that carries it
	// (urlKey of its StableURL). The memory holds keys of URLs, not URLs:
	// a page URL may carry a secret of the config.
	Owners map[string]string `json:"owners"`
	// URLIDs are the postings (urlKey) that have an identifier but are
	// known by their URL, since another posting shared it.
	URLIDs []string `json:"url_ids,omitempty"`
	// Pages maps a posting page of a links source (urlKey) to the
	// ids of the postings read from it: when that page fails once, its
	// postings are kept as stored (a failed detail) rather than missing.
	Pages map[string][]string `json:"pages,omitempty"`
	// Gone maps a posting page of a links source (urlKey) that answered
	// 404 or 410 to how many runs in a row it did, up to GoneAfter (see
	// JSONLD.gone).
	Gone map[string]int `json:"gone,omitempty"`
}

// LoadState takes the id memory of the last successful run. Without one
// (a source from before this memory, or a first run), ids are given as
// earlier versions gave them: identifiers, or every posting's URL when two
// different postings shared one.
func (j *JSONLD) LoadState(b []byte) {
	j.ids, j.next, j.failed = nil, nil, nil
	var s idState
	if len(b) > 0 && json.Unmarshal(b, &s) == nil && s.Owners != nil {
		j.ids = &s
	}
}

// SaveState is the id memory of the last successful List (nil for a
// sitemap source, whose ids are always URLs).
func (j *JSONLD) SaveState() []byte {
	if j.next == nil {
		return nil
	}
	b, _ := json.Marshal(j.next)
	return b
}

// Reshaped is always false: the memory changes no posting's content.
func (j *JSONLD) Reshaped() bool { return false }

// errSharedURL is the error for postings that neither identifiers nor URLs
// tell apart.
var errSharedURL = errors.New("different postings share a URL and have no distinct identifier (an identifier or a page of its own per posting is needed)")

// dedupe drops repeats of a posting (the same identifier, title and URL: a
// page that also marks up related postings, a block printed twice); own
// says which items came from their own page, and wins.
func dedupe(raws []model.Raw, own []bool) []model.Raw {
	at := map[rawKey]int{}
	out := make([]model.Raw, 0, len(raws))
	for i, r := range raws {
		k := keyOfRaw(r)
		if n, ok := at[k]; ok {
			if own != nil && own[i] {
				out[n] = r
			}
			continue
		}
		at[k] = len(out)
		out = append(out, r)
	}
	return out
}

// rawKey is what makes two items one posting (dedupe).
type rawKey struct{ ident, title, url string }

func keyOfRaw(r model.Raw) rawKey {
	return rawKey{r.RequisitionID, strings.ToLower(r.Title), StableURL(r.URL)}
}

// assignIDs gives every posting its id (see the package's id memory above)
// and returns the memory to keep; mem nil: no memory yet. away are the
// URLs of postings not read this run but kept as stored (their page
// failed): their identifiers are not free.
func assignIDs(raws []model.Raw, mem *idState, away ...string) ([]model.Raw, *idState, error) {
	claims := map[string]int{} // identifier -> distinct postings carrying it
	for _, r := range raws {
		if r.RequisitionID != "" {
			claims[r.RequisitionID]++
		}
	}
	byURL := func(r model.Raw) bool { return r.RequisitionID == "" }
	if mem == nil {
		shared := false
		for _, n := range claims {
			shared = shared || n > 1
		}
		byURL = func(r model.Raw) bool { return r.RequisitionID == "" || shared }
	} else {
		pinned := make(map[string]bool, len(mem.URLIDs))
		for _, u := range mem.URLIDs {
			pinned[u] = true
		}
		listed := make(map[string]bool, len(raws))
		for _, r := range raws {
			listed[urlKey(r.URL)] = true
			listed[legacyKey(r.URL)] = true
		}
		for _, u := range away {
			listed[u] = true
		}
		byURL = func(r model.Raw) bool {
			// a memory saved before tracking tags and session ids left
			// page URLs knows a page by its earlier key
			u, lu := urlKey(r.URL), legacyKey(r.URL)
			switch owner, ok := mem.Owners[ownerKey(r.RequisitionID)]; {
			case r.RequisitionID == "" || pinned[u] || pinned[lu]:
				return true
			case ok && (owner == u || owner == lu):
				return false
			case ok && listed[owner]:
				return true // its owner is still listed: a newcomer sharing it
			default:
				// A new identifier, or one whose page moved: the
				// identifier is the id when no other listed posting
				// carries it.
				return claims[r.RequisitionID] > 1
			}
		}
	}
	next := &idState{Owners: map[string]string{}}
	seen := make(map[string]bool, len(raws))
	for i := range raws {
		r := &raws[i]
		if byURL(*r) {
			r.ID = StableURL(r.URL)
			if r.RequisitionID != "" {
				next.URLIDs = append(next.URLIDs, urlKey(r.URL))
			}
		} else {
			r.ID = r.RequisitionID
			next.Owners[ownerKey(r.ID)] = urlKey(r.URL)
		}
		if seen[r.ID] {
			return nil, nil, errSharedURL
		}
		seen[r.ID] = true
	}
	return raws, next, nil
}

// ownerKey is an identifier as the id memory keeps it: in NFC, so that a
// board writing it decomposed one run and composed the next leaves the
// memory as it was (no state commit per run). A memory saved with a
// decomposed key is read as a new identifier once, which it is not: the
// identifier stays the id (see byURL).
func ownerKey(id string) string { return model.NFCID(id) }

// keep carries a posting's id memory over from prev (its page failed this
// run, so this run's listing does not show it).
func (s *idState) keep(prev *idState, id string) {
	if u, ok := prev.Owners[ownerKey(id)]; ok {
		s.Owners[ownerKey(id)] = u
	}
	if k := urlKey(id); slices.Contains(prev.URLIDs, k) && !slices.Contains(s.URLIDs, k) {
		s.URLIDs = append(s.URLIDs, k) // a URL id is its StableURL
	}
}

// urlKey is what the id memory keeps of a page URL: a digest of its
// StableURL (a StableURL is its own StableURL).
func urlKey(u string) string {
	return digest(StableURL(u))
}

func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:12])
}

// page is the ids of the postings last read from the page at link (Pages),
// found by its key or, in a memory saved before tracking tags and session
// ids left page URLs, by its earlier key.
func (s *idState) page(link string) []string {
	if s == nil { // a first run: no memory
		return nil
	}
	if ids, ok := s.Pages[urlKey(link)]; ok {
		return ids
	}
	return s.Pages[legacyKey(link)]
}

// legacyKey is the key a page URL had in the id memory before tracking
// tags (gh_src, lever-source, ...) and session ids left StableURL: the
// digest of its StableURL under that rule, which left out only utm_* and
// the click ids below. A memory saved since holds urlKeys, and assignIDs
// saves urlKeys only.
func legacyKey(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return digest(raw)
	}
	q := u.Query()
	for k := range q {
		if lk := strings.ToLower(k); strings.HasPrefix(lk, "utm_") || legacyTracking[lk] {
			q.Del(k)
		}
	}
	id := strings.ToLower(u.Host) + strings.TrimRight(u.EscapedPath(), "/")
	if len(q) > 0 {
		id += "?" + q.Encode()
	}
	return digest(id)
}

// legacyTracking is the tracking parameters of the rule legacyKey reads
// (besides utm_*), as it was: frozen, not to follow normalize.Tracking.
var legacyTracking = map[string]bool{
	"gclid": true, "fbclid": true, "msclkid": true, "mc_cid": true, "mc_eid": true, "_ga": true,
	"_gl": true, "igshid": true, "_hsenc": true, "_hsmi": true, "yclid": true, "dclid": true,
}

var _ scrape.IDRule = (*JSONLD)(nil)

// CurrentID is the id a posting stored as stored has today
// (scrape.IDRule): a URL id (StableURL: host and path, with a query or
// path parameters) an earlier rule made with tracking tags or a session
// id in it is read again by today's StableURL. An identifier is as it
// was.
func (j *JSONLD) CurrentID(stored string) string {
	return scrape.KeepMasks(stored, currentID)
}

// currentID is CurrentID of an id without masks.
func currentID(stored string) string {
	if !strings.ContainsAny(stored, "?;%(") {
		return stored
	}
	// the host runs to the path, or to the query of a page at the
	// site's root (StableURL trims the root's '/': "jobs.example.com?id=7")
	host := stored
	if i := strings.IndexAny(stored, "/?"); i >= 0 {
		host = stored[:i]
	}
	if !strings.ContainsAny(host, ".:") || strings.ContainsAny(host, ";%") {
		return stored // no host: an identifier
	}
	if id := StableURL("http://" + stored); !strings.HasPrefix(id, "http://") {
		return id
	}
	return stored
}
