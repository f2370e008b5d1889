package render

import (
	"html"
	"regexp"
	"strings"
)

// mentions matches the broadcast mentions of Slack, Discord and Teams
// written as plain words (@channel, @here, @everyone, @group).
var mentions = regexp.MustCompile(`(?i)@(channel|here|everyone|group|all)\b`)

// defuse puts a word joiner (U+2060) after the @ of broadcast mentions: the
// text reads the same, but no client turns it into a ping.
func defuse(s string) string {
	return mentions.ReplaceAllStringFunc(s, func(m string) string { return "@\u2060" + m[1:] })
}

var mrkdwnReplacer = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// Mrkdwn makes untrusted text safe inside Slack mrkdwn: it is cleaned, &, <
// and > become entities (so "<!channel>", "<@U123>" and "<url|text>" cannot
// be formed) and plain broadcast mentions are defused.
func Mrkdwn(s string) string {
	return defuse(mrkdwnReplacer.Replace(Clean(s)))
}

// MrkdwnLink is "<url|text>" with text escaped, or the escaped text alone
// when url is not a safe http(s) URL.
func MrkdwnLink(u, text string) string {
	t := Mrkdwn(text)
	if su := SafeURL(u); su != "" {
		return "<" + mrkdwnReplacer.Replace(su) + "|" + t + ">"
	}
	return t
}

var markdownReplacer = func() *strings.Replacer {
	var pairs []string
	for _, c := range "\\*_~`|><#[]()" {
		pairs = append(pairs, string(c), "\\"+string(c))
	}
	return strings.NewReplacer(pairs...)
}()

// Markdown makes untrusted text literal inside Discord and Teams Markdown:
// it is cleaned, the characters with a meaning (\ * _ ~ ` | > < # [ ] ( ))
// are backslash-escaped and broadcast mentions are defused.
func Markdown(s string) string {
	return defuse(markdownReplacer.Replace(Clean(s)))
}

// MarkdownLink is "[text](url)" with text escaped, or the escaped text
// alone when url is not a safe http(s) URL.
func MarkdownLink(u, text string) string {
	t := Markdown(text)
	if su := SafeURL(u); su != "" {
		return "[" + t + "](" + su + ")"
	}
	return t
}

// HTML escapes cleaned text for HTML element content and attribute values.
func HTML(s string) string {
	return html.EscapeString(Clean(s))
}
