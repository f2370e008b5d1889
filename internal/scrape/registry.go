package scrape

import (
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/urlpath"
)

// Platform is one source type as a build registers it: how the config
// reads its keys (Config: type name, keys, typed config) and how its
// adapter is made. The build's list is scrape/platforms.List.
type Platform struct {
	Config config.Kind
	New    func(src config.Source, c *Client) (Adapter, error)
}

// Adapt turns an adapter package's New, which returns its own type, into
// a Platform.New.
func Adapt[A Adapter](newAdapter func(config.Source, *Client) (A, error)) func(config.Source, *Client) (Adapter, error) {
	return func(src config.Source, c *Client) (Adapter, error) {
		a, err := newAdapter(src, c)
		if err != nil {
			return nil, err
		}
		return a, nil
	}
}

// Board is the typed config of the platforms that read a board by its
// slug (greenhouse, lever, ashby, ...): key board.
type Board struct {
	Board string `yaml:"board,omitempty"` // the board/site/company/account slug
}

// Validate checks that the board is a slug, and not a dot segment ("."
// or "..", also written with %2e), which the request URL's parser would
// read as the path itself or its parent (see urlpath.Dot).
func (b *Board) Validate(c *config.Check) {
	if c.Has("board") && strings.ContainsAny(b.Board, "/?# \t\r\n") {
		c.Problem("board", "must be the board's slug (no spaces, slashes, ? or #)")
	} else if c.Has("board") && urlpath.Dot(b.Board) {
		c.Problem("board", "must be the board's slug, not "+c.Shown("board")+` (a dot segment: "." or "..", also as %2e, names the parent path)`)
	}
}

// BoardKind is the config of a board platform named typ: board required;
// url optional, an API base (tests, mirrors, EU hosts).
func BoardKind(typ string) config.Kind {
	return config.Kind{
		Type: typ,
		Keys: []config.Key{{Name: "board", Required: true, Plain: true}, {Name: "url", Shape: config.URL}},
		New:  func() any { return new(Board) },
	}
}

// URLKind is the config of a platform whose one key is url, required (a
// portal or a page whose query, its filters, is kept).
func URLKind(typ string) config.Kind {
	return config.Kind{Type: typ, Keys: []config.Key{{Name: "url", Shape: config.URL, Required: true}}}
}

// BoardOf is the board of a source of a board platform ("" when none).
func BoardOf(src config.Source) string {
	return config.SettingsOf[Board](src.Settings).Board
}

// MaxPagesKey is the max_pages key of the sources that follow pages: a
// cap (1..10000) on the pages read; a listing needing more is an error,
// never cut short.
var MaxPagesKey = config.Key{Name: "max_pages", Shape: config.Int, Min: 1, Max: MaxPagesLimit, Plain: true}

// MaxPagesLimit is the largest max_pages accepted.
const MaxPagesLimit = 10000
