package render

import (
	"time"

	"github.com/andybalholm/cascadia"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// Browser is the value of the render key that loads pages in the browser.
const Browser = "browser"

// DefaultTimeout is how long a page may take to settle when the config
// sets no render_timeout.
const DefaultTimeout = 30 * time.Second

// Keys are the render keys of the html and jsonld sources: render
// (browser), wait_for (a CSS selector) and render_timeout (a duration).
var Keys = []config.Key{{Name: "render", Plain: true}, {Name: "wait_for", Plain: true}, {Name: "render_timeout", Shape: config.Duration, Plain: true}}

// Config is the render keys of a source, inline in its typed config.
type Config struct {
	// Render is "browser" to load the source's pages in headless
	// Chromium and read the DOM the page's scripts built; "" reads the
	// HTML as the server sent it.
	Render string `yaml:"render,omitempty"`
	// WaitFor is a CSS selector: the page has settled when an element
	// matches it. "": when the network has been idle for 500 ms.
	WaitFor string `yaml:"wait_for,omitempty"`
	// Timeout is how long a page may take to settle (0: DefaultTimeout);
	// longer is an error naming the URL.
	Timeout time.Duration `yaml:"render_timeout,omitempty"`
}

// Options are how to render one page.
func (c Config) Options() Options {
	o := Options{WaitFor: c.WaitFor, Timeout: c.Timeout}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	return o
}

// Validate checks the render keys: render is browser, and wait_for and
// render_timeout go with it.
func (c *Config) Validate(ck *config.Check) {
	if ck.Has("render") && !ck.Bad("render") && c.Render != Browser {
		ck.Problem("render", `must be "browser" (load the page in headless Chromium), or left out`)
	}
	for _, k := range []string{"wait_for", "render_timeout"} {
		if ck.Has(k) && !ck.Has("render") {
			ck.Problem(k, "is used only with render: browser")
		}
	}
	if ck.Has("wait_for") && !ck.Bad("wait_for") {
		if _, err := cascadia.Compile(c.WaitFor); err != nil {
			msg := "must be a CSS selector such as 'ul.jobs li'"
			if !ck.FromEnv("wait_for") {
				msg += ": " + err.Error()
			}
			ck.Problem("wait_for", msg)
		}
	}
}
