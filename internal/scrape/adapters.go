package scrape

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/urlpath"
)

// The set-up, paging and decoding steps that the adapters share.

// BoardBase is the board and the API base of a source of a board platform
// (BoardKind): the board is required; the base is the source's url without
// its trailing slash, or def when the source has none.
func BoardBase(platform string, src config.Source, def string) (board, base string, err error) {
	board = BoardOf(src)
	if board == "" {
		return "", "", fmt.Errorf("%s: source %q: board is required", platform, src.Name)
	}
	return board, BaseOr(src.URL, def), nil
}

// BaseOr is raw without its trailing slash (before a query, which stays:
// url: https://host/api?api_key=${KEY}) and without a fragment, or def
// when raw is empty. Build the URLs under it with APIURL and PageURL.
func BaseOr(raw, def string) string {
	raw, _, _ = strings.Cut(strings.TrimSpace(raw), "#")
	root, q, _ := strings.Cut(raw, "?")
	root = strings.TrimRight(root, "/")
	if root == "" {
		return def
	}
	if q != "" {
		return root + "?" + q
	}
	return root
}

// APIURL is the URL of a request of an adapter to its platform's API:
// base (a source's url or the platform's default, see BaseOr), then ref,
// the path with the adapter's own query when it has one
// ("/v1/boards/acme/jobs?content=true"). The query of base goes onto every
// such request after the adapter's own parameters; a key the adapter sets
// itself is not repeated (the adapter's value stands: its paging depends on
// it). Without a query in base, APIURL is base + ref.
func APIURL(base, ref string) string {
	root, bq, _ := strings.Cut(base, "?")
	if bq == "" {
		return root + ref
	}
	ref, frag, hasFrag := strings.Cut(ref, "#")
	path, aq, _ := strings.Cut(ref, "?")
	own, _ := url.ParseQuery(aq)
	q := aq
	for _, kv := range strings.Split(bq, "&") {
		k, _, _ := strings.Cut(kv, "=")
		if key, err := url.QueryUnescape(k); kv == "" || (err == nil && own.Has(key)) {
			continue
		}
		if q != "" {
			q += "&"
		}
		q += kv
	}
	out := root + path + "?" + q
	if hasFrag {
		out += "#" + frag
	}
	return out
}

// PageURL is the URL of a board's page for people under base (a posting's
// link): base's query, a key for the API, is not carried.
func PageURL(base, ref string) string {
	root, _, _ := strings.Cut(base, "?")
	return root + ref
}

// CheckBoard checks the keys of an adapter that reads a board by its slug
// and takes an optional base url: board is required (hint says what it
// is: "the slug of ats.rippling.com/{board}/jobs"); url, see CheckBaseURL.
func CheckBoard(board, url, hint string) error {
	if strings.TrimSpace(board) == "" {
		return fmt.Errorf("board is required (%s)", hint)
	}
	return CheckBaseURL(url)
}

// plainIDNumber reports whether raw is an integer as JSON writes it
// (-?(0|[1-9][0-9]*), nothing around it).
func plainIDNumber(raw []byte) bool {
	d := raw
	if len(d) > 0 && d[0] == '-' {
		d = d[1:]
	}
	if len(d) == 0 || d[0] == '0' && len(d) > 1 {
		return false
	}
	for _, c := range d {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// RequireURL checks an adapter's required url key (what names it: "the
// iCIMS portal") and returns it parsed: an http or https URL with a host.
func RequireURL(raw, what string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, fmt.Errorf("url (%s) is required", what)
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("url %q is not an http(s) URL", raw)
	}
	return u, nil
}

// IDString is a JSON id that a platform sends as a string (trimmed) or,
// now and then, as a number; "" for anything else.
func IDString(raw json.RawMessage) string {
	if plainIDNumber(raw) {
		// what the decode into a string refuses and the json.Number
		// gives: the digits as written (a list page and a detail answer
		// both ask it of every posting)
		return string(raw)
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

// HashStamp is a stamp from a posting's listed fields: 16 hex digits of
// the SHA-256 of the trimmed parts, each ended by a zero byte.
func HashStamp(parts ...string) string {
	h := sha256.New()
	for _, s := range parts {
		h.Write([]byte(strings.TrimSpace(s)))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Snippet is the start of a body, for an error that shows what came
// instead of what was expected.
func Snippet(b []byte) string { return snippet(b) }

// Unique gathers the postings of a paged listing, each posting once: a
// posting published while the pages are read shifts the later pages by
// one, so a page may repeat the last of the one before, the same posting
// again. Copies of an id that differ are all kept: which one stands is
// the watcher's choice, the same whatever their order, with a warning
// (review s32 F2: the first copy won silently, and a board that listed
// its copies in another order flipped the posting each run).
type Unique struct {
	out  []model.Raw
	seen map[string][]int // id -> indexes in out
}

// Add adds the postings of a page that are not already gathered as they
// are, each after fix (when not nil) has set what the page lacks (a URL);
// added is how many ids were new (a page of ids seen already does not
// advance the paging, whatever their copies hold).
func (u *Unique) Add(page []model.Raw, fix func(*model.Raw)) (added int) {
	if u.seen == nil {
		u.seen = map[string][]int{}
	}
	for _, r := range page {
		if fix != nil {
			fix(&r)
		}
		kept, known := u.seen[r.ID]
		if len(kept) >= maxCopies || slices.ContainsFunc(kept, func(i int) bool { return reflect.DeepEqual(u.out[i], r) }) {
			continue
		}
		u.seen[r.ID] = append(kept, len(u.out))
		u.out = append(u.out, r)
		if !known {
			added++
		}
	}
	return added
}

// maxCopies bounds the differing copies of one id that Unique keeps: a
// board that lists an id thousands of times would make each copy compared
// with every one before it.
const maxCopies = 16

// Len is the number of postings gathered.
func (u *Unique) Len() int { return len(u.out) }

// Postings are the postings gathered, in the order first seen (nil when
// none).
func (u *Unique) Postings() []model.Raw { return u.out }

// ListPage fetches page n (from 0) of a board's listing with req and
// decodes it. A 404 on the first page says the board is not found; any
// other failure names the platform, the board and the page ("list page
// 2", as word and n+1 say), the decode's the URL too.
func ListPage[P any](ctx context.Context, c *Client, platform, board, word string, n int, req Request, decode func(*Response) (P, error)) (P, error) {
	var zero P
	resp, err := c.Do(ctx, req)
	if err != nil {
		if n == 0 && IsStatus(err, http.StatusNotFound) {
			return zero, fmt.Errorf("%s: board %q: not found (404)", platform, board)
		}
		return zero, fmt.Errorf("%s: board %q: %s %d: %w", platform, board, word, n+1, err)
	}
	p, err := decode(resp)
	if err != nil {
		return zero, fmt.Errorf("%s: board %q: %s %d: %s: %w", platform, board, word, n+1, req.URL, err)
	}
	return p, nil
}

// FetchDetail fetches the detail of r, the listing's posting, with req
// and decodes it. A failure returns r as it was, the error naming the
// platform, the board and the posting as item says ("posting 12", "job
// abc": the platform's word and the id), the decode's the URL too.
func FetchDetail(ctx context.Context, c *Client, platform, board, item string, req Request, r model.Raw, decode func(*Response) (model.Raw, error)) (model.Raw, error) {
	resp, err := c.Do(ctx, req)
	if err != nil {
		return r, fmt.Errorf("%s: board %q: %s: %w", platform, board, item, err)
	}
	d, err := decode(resp)
	if err != nil {
		return r, fmt.Errorf("%s: board %q: %s: %s: %w", platform, board, item, req.URL, err)
	}
	return d, nil
}

// RepeatedID is the first id that postings holds twice, "" when none: a
// listing read whole that names a posting twice is not what it seems.
func RepeatedID(postings []model.Raw) string {
	seen := make(map[string]bool, len(postings))
	for _, r := range postings {
		if seen[r.ID] {
			return r.ID
		}
		seen[r.ID] = true
	}
	return ""
}

// Sections builds a description from the sections a platform sends
// apart: each one not empty (after trimming), under an <h3> heading when
// it has one, a newline between two.
type Sections struct{ b strings.Builder }

// Add adds the section text under heading ("": none).
func (s *Sections) Add(heading, text string) {
	if text = strings.TrimSpace(text); text == "" {
		return
	}
	if s.b.Len() > 0 {
		s.b.WriteString("\n")
	}
	if heading != "" {
		s.b.WriteString("<h3>" + heading + "</h3>\n")
	}
	s.b.WriteString(text)
}

// String is the description; "" when no section had text.
func (s *Sections) String() string { return s.b.String() }

// JSONRequest is a GET of u that asks for JSON.
func JSONRequest(u string) Request { return Request{URL: u, Header: jsonAccept.Clone()} }

// DetailOverList is a posting read from its detail, d, under the same
// posting as the listing gave it, l: the listing's values stand, d's fill
// those it lacks (title, requisition id, employment type, team, workplace,
// posted date, locations); d's description makes it complete.
func DetailOverList(l, d model.Raw) model.Raw {
	fill := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	fill(&l.Title, d.Title)
	fill(&l.RequisitionID, d.RequisitionID)
	fill(&l.EmploymentType, d.EmploymentType)
	fill(&l.Team, d.Team)
	fill(&l.Workplace, d.Workplace)
	fill(&l.Posted, d.Posted)
	if len(l.Locations) == 0 {
		l.Locations = d.Locations
	}
	l.DescriptionHTML = d.DescriptionHTML
	l.Complete = true
	return l
}

// DecodeJobs is the postings of a JSON listing whose items are the array
// "jobs", in its order: raw maps item i (from 0) to a posting, or leaves
// it out (keep false). An answer without the array is an error, as is an
// item raw refuses: a shorter list would report postings removed.
func DecodeJobs[T any](body []byte, raw func(i int, it T) (r model.Raw, keep bool, err error)) ([]model.Raw, error) {
	var lr struct {
		Jobs *[]T `json:"jobs"`
	}
	if err := Unmarshal(body, &lr); err != nil {
		return nil, err
	}
	if lr.Jobs == nil {
		return nil, errors.New("no jobs in the response")
	}
	out := make([]model.Raw, 0, len(*lr.Jobs))
	for i, it := range *lr.Jobs {
		r, keep, err := raw(i, it)
		if err != nil {
			return nil, err
		}
		if keep {
			out = append(out, r)
		}
	}
	return out, nil
}

// GetJSON gets u as JSON (see GetBody) and decodes the body; a decode
// failure names u.
func GetJSON[T any](ctx context.Context, c *Client, u string, decode func([]byte) (T, error)) (T, error) {
	var zero T
	body, err := c.GetBody(ctx, u)
	if err != nil {
		return zero, err
	}
	v, err := decode(body)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", u, err)
	}
	return v, nil
}

// SameID checks the id a detail answer is about, got, against the
// posting asked for, want: an answer about no posting or another one is
// an error.
func SameID(got, want string) error {
	switch got {
	case "":
		return errors.New("the answer holds no posting")
	case want:
		return nil
	}
	return fmt.Errorf("detail answered for posting %s", got)
}

// Segment escapes one path segment of a request or link URL built from a
// platform's value (an id, a slug): see urlpath.Segment.
func Segment(s string) string { return urlpath.Segment(s) }

// IDSegment is Segment of a posting id from a platform's answer, for the
// URL of a request; an id that is a dot segment (".", "..", "%2e%2E", ...)
// is refused with an error naming it: the parser that sends the request
// collapses such a segment, escaped or not, and the request would go to a
// parent path on the platform's host. Detail fetches use it; the error
// fails that posting's detail only.
func IDSegment(id string) (string, error) {
	if urlpath.Dot(id) {
		return "", fmt.Errorf("posting id %q is a dot segment (a URL with it names a parent path): refused, not fetched", id)
	}
	return urlpath.Segment(id), nil
}
