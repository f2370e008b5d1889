// Package config loads the watcher's YAML configuration: it expands ${ENV}
// references, applies defaults and validates every section, reporting each
// problem with its file, line and key path (sources[1].url) so that
// `watcher validate` can print them all at once.
//
// Parsing is pure (Parse takes bytes, an environment lookup and the build's
// plug-ins); Load reads a file. The Config is a value passed down to the
// rest of the program. Source types and channels own their keys: see Kind
// (plugin.go); config reads only the keys common to every source and
// notifier and the top-level sections (a key table, sections.go).
package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/careers-watcher/careers-watcher/internal/notify/filter"
	"github.com/careers-watcher/careers-watcher/internal/redact"
)

// Defaults of the optional keys.
const (
	DefaultSnapshots    = "snapshots"
	DefaultSchedule     = "0 */6 * * *"
	DefaultAuthor       = "careers-watcher <watcher@localhost>"
	DefaultUserAgent    = "careers-watcher/1.0 (+https://github.com/careers-watcher/careers-watcher)"
	DefaultTimeout      = 30 * time.Second
	DefaultSourceBudget = 20 * time.Minute // http.source_budget
	DefaultPerHostDelay = 1 * time.Second
	DefaultMaxBody      = 10 << 20 // 10MB (binary units: 1MB = 1024*1024 bytes)
	DefaultRetries      = 4
)

// Config is a loaded, validated configuration.
type Config struct {
	Path      string // the file it was loaded from ("" when parsed from bytes without a name)
	Snapshots string // snapshot directory, absolute: relative paths are resolved against the config file's directory (the working directory when Path is ""); default "snapshots"
	Schedule  string // default "0 */6 * * *"
	// Jitter (jitter, default 0: none) spreads the daemon's runs: each
	// source starts its scheduled runs (and its first one) this source's
	// fixed share of the window later, a share from a hash of its name, so
	// that sources sharing a schedule do not all hit their hosts in the same
	// second. Keep it shorter than the schedule's interval.
	Jitter     time.Duration
	JitterLine int // the line of the jitter key (0: not given)
	// readWarnings are the warnings found while the file was read (a
	// $NAME kept as written), for Warnings
	readWarnings []Warning
	Git          Git
	HTTP         HTTP
	Taxonomy     Taxonomy
	Sources      []Source
	Notifiers    []Notifier
	Guard        Guard
	Outbox       Outbox
	Serve        Serve // the web server (serve.go)
	Store        Store // files (default) or postgres (store.go)
	// Secrets are the values that ${VAR}s brought in from the environment:
	// Redactor hides them in every output.
	Secrets []redact.Secret
}

// Defaults of the guard and outbox keys.
const (
	DefaultRemoveAfter = 2
	DefaultFailAfter   = 3
	DefaultMaxShrink   = 0.5
	DefaultShrinkPause = 30 * time.Second
	DefaultExpire      = 7 * 24 * time.Hour
	DefaultRetryEvery  = 5 * time.Minute
	DefaultBudget      = 10 * time.Second
	DefaultMaxPending  = 10000
	DefaultBreakAfter  = 3
)

// Guard is what keeps a bad fetch from becoming a change (key guard).
type Guard struct {
	// RemoveAfter (remove_after, 1..100, default 2) is the number of
	// successful runs in a row a posting must be missing from before it is
	// reported removed.
	RemoveAfter int
	// FailAfter (fail_after, 1..100, default 3) is the number of failed runs
	// in a row that make a source.failed event.
	FailAfter int
	// MaxShrink (max_shrink, a share in (0,1] written 0.5 or "50%", default
	// 0.5): a listing that loses more than this share of its postings, or
	// all of them, is fetched again; if it holds, source.suspicious.
	MaxShrink float64
	// ShrinkPause (shrink_pause, default 30s) is the wait before that
	// second fetch.
	ShrinkPause time.Duration
}

// Outbox configures the durable store of undelivered events (key outbox).
type Outbox struct {
	Expire     time.Duration // expire: how long an undelivered event is kept; default 168h (7 days)
	RetryEvery time.Duration // retry_every: the daemon's redelivery timer; default 5m
	// Budget (budget, default 10s) is the longest a delivery pass waits on a
	// notifier that does not answer: an attempt with no answer by then is
	// cancelled and that notifier's other events wait for the next pass.
	Budget time.Duration
	// MaxPending (max_pending, default 10000) bounds the backlog of a
	// notifier that failed in a delivery pass: after the pass, the oldest
	// events it did not take beyond it are dropped and reported (ERROR,
	// `watcher run` exits 1). It never caps what one run records, and a
	// notifier that takes its events loses none.
	MaxPending int
	// BreakAfter (break_after, 1..100, default 3) is the number of failed
	// attempts in a row after which a notifier is paused (circuit open).
	BreakAfter int
}

// Git says whether, where and as whom snapshots are committed.
type Git struct {
	Commit bool   // default true
	Author string // "Name <email>"; default "careers-watcher <watcher@localhost>"
	// Repository (repository) is where the commits go: RepoOwn (the
	// default), the snapshot folder's own repository, initialised there on
	// the first run even inside another repository; RepoEnclosing, the
	// repository that holds the snapshot folder (found walking up like
	// git), for a data repository that keeps config and snapshots together.
	Repository string
	Push       GitPush
}

// GitPush (git.push) is where the snapshot repository is pushed after each
// commit; Remote "" means no push.
type GitPush struct {
	// Remote is a remote of the repository ("origin") or a URL: https://,
	// http://, ssh://, user@host:path, file:// or a local path.
	Remote string
	// Branch is the branch pushed, to the same name; "" the one HEAD is on.
	Branch string
	// Username and Token authenticate an HTTP(S) remote (basic auth, the
	// token as the password; Username defaults to "x-access-token").
	Username string
	Token    string
	// SSHKey is a PEM private key (its text, usually ${VAR}) for an SSH
	// remote; without it the SSH agent is asked. Host keys are checked
	// against known_hosts (SSH_KNOWN_HOSTS or ~/.ssh/known_hosts).
	SSHKey string
	// Retries is the total attempts of one push (1..10, default 3).
	Retries int
}

// The values of git.repository.
const (
	RepoOwn       = "own"
	RepoEnclosing = "enclosing"
)

var authorRE = regexp.MustCompile(`^\s*([^<>]*[^<>\s])\s*<([^<>\s@]+@[^<>\s@]+)>\s*$`)

func splitAuthor(s string) (name, email string, ok bool) {
	m := authorRE.FindStringSubmatch(s)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// AuthorName is the name part of Author ("careers-watcher").
func (g Git) AuthorName() string {
	name, _, _ := splitAuthor(g.Author)
	return name
}

// AuthorEmail is the email part of Author ("watcher@localhost").
func (g Git) AuthorEmail() string {
	_, email, _ := splitAuthor(g.Author)
	return email
}

// HTTP configures the shared HTTP client of the scrapers.
type HTTP struct {
	UserAgent string        // default DefaultUserAgent
	Timeout   time.Duration // per request; default 30s
	// SourceBudget (source_budget, default 20m) is the time one source's
	// requests may take in one run, in total: the requests' own time and
	// the waits between their attempts are counted, the waits for a turn
	// on a host are not. When it is spent,
	// the source's remaining requests are not sent this run (a listing
	// not read fails the source; details not fetched are kept as they
	// were and fetched next run).
	SourceBudget time.Duration
	PerHostDelay time.Duration // between two requests to one host; default 1s; key per_host_delay
	// MaxBody is the largest response body read, in bytes; default 10MB.
	// YAML accepts a plain number of bytes (1048576) or a number with a unit:
	// B, KB, MB, GB, which are binary (1KB = 1024 bytes, 1MB = 1024KB,
	// 1GB = 1024MB); KiB, MiB and GiB are accepted as the same units.
	MaxBody int64
	Robots  bool // honour robots.txt; default true
	Retries int  // total attempts per request (1..10); default 4
	// AllowPrivate (allow_private, default false) lets every source reach
	// loopback, private, link-local and other special-purpose addresses by
	// a redirect or a link; without it only a source's own URL may be on one.
	AllowPrivate bool
	// Hosts (hosts) overrides the politeness of single hosts, keyed by host
	// name in lower case, or host:port for one port only (a host:port entry
	// wins over its host's). A host not listed gets one request at a time
	// with PerHostDelay between.
	Hosts map[string]HostLimit
}

// MaxHostConcurrency bounds http.hosts.*.concurrency.
const MaxHostConcurrency = 64

// HostLimit is the politeness of one host (a key of http.hosts).
type HostLimit struct {
	// Delay (delay, default http.per_host_delay) is the pause after a
	// request before the next one on the same lane.
	Delay time.Duration
	// Concurrency (concurrency, 1..64, default 1) is the number of lanes:
	// the requests in flight to the host at most.
	Concurrency int
}

// Taxonomy holds extra skills added to the embedded taxonomy.
type Taxonomy struct {
	Skills []Skill
}

// Skill is one canonical skill and the other names it goes by.
type Skill struct {
	Name     string
	Category string
	Aliases  []string
}

// Source is one careers site to watch.
type Source struct {
	Name     string // [a-z0-9-]+, unique; also the snapshot folder
	Type     string // one of the build's source kinds (Plugins.Sources)
	Company  string // as written ("" when not set: the caller decides)
	URL      string
	Schedule string // "" means the top-level schedule
	Line     int    // line of this item in the file

	// Settings holds the keys of the source's type (board, tenant,
	// selectors, ...): the value its Kind.New returned, decoded and
	// validated; nil for a type without keys of its own.
	Settings any

	// AllowShrink (allow_shrink): a listing that shrinks past the guard's
	// max_shrink is taken as it is.
	AllowShrink bool
	// RemoveAfter (remove_after): this source's guard.remove_after; 0 means
	// the guard's.
	RemoveAfter int
	// MaxShrink (max_shrink): this source's guard.max_shrink; 0 means the
	// guard's.
	MaxShrink float64
	// AllowPrivate (allow_private): this source may reach loopback, private,
	// link-local and other special-purpose addresses anywhere (a self-hosted
	// board and the hosts it links to), as http.allow_private for all.
	AllowPrivate bool
}

// Notifier is one destination of change events.
type Notifier struct {
	Name    string
	Type    string   // one of the build's channels (Plugins.Channels)
	Sources []string // only events of these sources (empty: all)
	Events  []string // only these event types (empty: all)
	// Filter (filter) takes only the posting events whose content matches
	// (title, roles, levels, locations, skills, pay); empty: all.
	Filter filter.Filter

	// Settings holds the keys of the notifier's channel (url, secret,
	// host, ...): the value its Kind.New returned, decoded and validated;
	// nil for a channel without keys of its own. Its secrets (URLs,
	// passwords) never go into messages.
	Settings any

	Line int // line of this item in the file
}

// EventTypes are the event types a notifier may subscribe to.
var EventTypes = []string{
	"posting.added", "posting.removed", "posting.changed",
	"source.failed", "source.recovered", "source.suspicious",
}

// Problem is one thing wrong with a config.
type Problem struct {
	File string // as given to Parse ("" when unnamed)
	Line int    // 1-based; 0 when unknown
	Key  string // key path such as sources[1].url ("" for the whole file)
	Msg  string
}

// String formats the problem as "config.yaml:12: sources[1].url: msg".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		if p.File == "" {
			b.WriteString("line ")
		} else {
			b.WriteByte(':')
		}
		b.WriteString(strconv.Itoa(p.Line))
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if p.Key != "" {
		b.WriteString(oneLine(p.Key))
		b.WriteString(": ")
	}
	b.WriteString(oneLine(p.Msg))
	return b.String()
}

// oneLine escapes the control and format characters of s (a key or a
// value echoed from the config) as Go does in quoted strings: a problem
// is one line, whatever the config's keys hold, and no bidirectional
// override reorders what a terminal shows of it (review s29 F6). Unlike
// mdtext.Plain, which drops them, the escape keeps the key findable.
func oneLine(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// unsafeRune: a rune that breaks or reorders a line of output.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}

// Error lists every problem found in a config (never just the first), in
// file order.
type Error struct {
	Problems []Problem
}

// Error returns one problem per line.
func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Load reads the file at path and parses it with the process environment
// and the build's plug-ins.
func Load(path string, plugins Plugins) (*Config, error) {
	data, err := readConfig(path)
	if err != nil {
		return nil, err
	}
	return Parse(data, path, os.LookupEnv, plugins)
}

// notFoundError is a config file that is not there, said once: "config:
// nope.yaml: no such file (use -c FILE or set $WATCHER_CONFIG)"; it wraps
// fs.ErrNotExist.
type notFoundError struct {
	path string
	err  error
}

func (e *notFoundError) Error() string {
	return fmt.Sprintf("config: %s: no such file (use -c FILE or set $WATCHER_CONFIG)", e.path)
}

func (e *notFoundError) Unwrap() error { return e.err }

// readConfig reads the config file at path, at most MaxSize bytes: a larger
// file is an *Error naming it.
func readConfig(path string) ([]byte, error) {
	data, err := readAtMost(path, MaxSize+1)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &notFoundError{path: path, err: err}
		}
		return nil, fmt.Errorf("config: cannot read %s: %w", path, err)
	}
	if len(data) > MaxSize {
		return nil, &Error{Problems: []Problem{{File: path, Msg: tooLargeMsg}}}
	}
	return data, nil
}

// readAtMost reads the first n bytes of the file at path (all of it if it
// is shorter).
func readAtMost(path string, n int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, n))
}

// DefaultPath is $WATCHER_CONFIG when set, else "config.yaml".
func DefaultPath() string {
	if p, ok := os.LookupEnv("WATCHER_CONFIG"); ok && p != "" {
		return p
	}
	return "config.yaml"
}

// SourceSchedule is the schedule of s: its own, else the top-level one.
func (c *Config) SourceSchedule(s Source) string {
	if s.Schedule != "" {
		return s.Schedule
	}
	return c.Schedule
}

// Select returns the named sources in the order given (duplicates once), or
// all sources when names is empty. Unknown names are an error naming them.
func (c *Config) Select(names []string) ([]Source, error) {
	if len(names) == 0 {
		return append([]Source(nil), c.Sources...), nil
	}
	byName := make(map[string]int, len(c.Sources))
	for i, s := range c.Sources {
		byName[s.Name] = i
	}
	var out []Source
	var unknown []string
	seen := make(map[string]bool)
	for _, n := range names {
		if seen[n] {
			continue
		}
		seen[n] = true
		i, ok := byName[n]
		if !ok {
			unknown = append(unknown, strconv.Quote(n))
			continue
		}
		out = append(out, c.Sources[i])
	}
	if len(unknown) > 0 {
		configured := make([]string, len(c.Sources))
		for i, s := range c.Sources {
			configured[i] = s.Name
		}
		word := "source"
		if len(unknown) > 1 {
			word = "sources"
		}
		return nil, fmt.Errorf("config: unknown %s %s (configured: %s)", word, strings.Join(unknown, ", "), strings.Join(configured, ", "))
	}
	return out, nil
}
