package config

import (
	"bytes"
	"fmt"
	"os"
	"slices"

	"go.yaml.in/yaml/v3"
)

// Serve is the web server's section (key serve): `watcher serve` and
// `watcher daemon --listen`.
type Serve struct {
	// Token (serve.token): the bearer token (or basic auth password) every
	// request must carry; required to listen on a non-loopback address
	// unless --public is given. At least MinTokenLen characters; empty
	// (a ${VAR:-} whose variable is unset) is no token.
	Token string
	// TokenLine is the line of the token key (0: not given): a token
	// given but empty is refused beyond loopback, even with --public.
	TokenLine int
}

// MinTokenLen is the shortest serve.token.
const MinTokenLen = 16

var serveKeys = []string{"token"}

func (p *parser) serve(n *yaml.Node, s *Serve) {
	for _, e := range p.mapping(n, "serve", "token") {
		key := "serve." + e.key
		if isNull(p.resolve(e.v)) && slices.Contains(serveKeys, e.key) {
			continue
		}
		switch e.key {
		case "token":
			s.TokenLine = e.v.Line
			if t, ok := p.str(e.v, key); ok {
				if t == "" {
					continue // ${VAR:-} with VAR unset or empty: no token
				}
				if len(t) < MinTokenLen {
					p.add(e.v.Line, key, fmt.Sprintf("must be at least %d characters long", MinTokenLen))
				} else {
					s.Token = t
				}
			}
		default:
			p.unknown(e, "serve", serveKeys)
		}
	}
}

// LoadReadOnly loads a config for a command that only reads the snapshot
// folder (status, postings, show, serve): the top-level sections named in
// skip (for instance "notifiers") are left out before parsing, so their
// ${VARS} need not be set. Line numbers in problems stay those of the file.
func LoadReadOnly(path string, plugins Plugins, skip ...string) (*Config, error) {
	data, err := readConfig(path)
	if err != nil {
		return nil, err
	}
	return Parse(blankSections(data, skip), path, os.LookupEnv, plugins)
}

// blankSections empties the lines of the top-level block sections named in
// skip (from the key's line to the line before the next top-level key).
// A document it cannot read that way is returned as it is: Parse reports
// its problems.
func blankSections(data []byte, skip []string) []byte {
	var doc yaml.Node
	if len(skip) == 0 || yaml.Unmarshal(data, &doc) != nil || doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return data
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode || root.Style&yaml.FlowStyle != 0 {
		return data
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if !slices.Contains(skip, k.Value) || k.Column != 1 {
			continue
		}
		end := len(lines) + 1 // 1-based line after the section
		if i+2 < len(root.Content) {
			end = root.Content[i+2].Line
		}
		for l := k.Line; l < end && l-1 < len(lines); l++ {
			if bytes.HasSuffix(lines[l-1], []byte("\n")) {
				lines[l-1] = []byte("\n")
			} else {
				lines[l-1] = nil
			}
		}
	}
	return bytes.Join(lines, nil)
}
