package report

import "github.com/careers-watcher/careers-watcher/internal/mdtext"

// The Markdown escaping, one-line text and amounts of internal/mdtext
// (shared with the README of each source's snapshot folder), under the
// names the report's writers use.
var (
	mdText             = mdtext.Text
	mdURL              = mdtext.URL
	plain              = mdtext.Plain
	uniq               = mdtext.Uniq
	writeMarkdownTable = mdtext.Table
	fmtInt             = mdtext.Int
	fmtAmount          = mdtext.Amount
	fmtRange           = mdtext.Range
)
