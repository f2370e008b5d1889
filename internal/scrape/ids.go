package scrape

// IDRule is an adapter whose rule for ids has changed over versions:
// CurrentID says which id a posting stored under an earlier rule's id is
// given today (ids made from links lost their tracking parameters and
// session ids). The runner keeps such a posting under its stored id while
// it is listed under the current one, so that a new rule never reports a
// posting removed and added again: a posting stored before a rule change
// keeps its file name; postings first seen after it are named by today's
// rule.
type IDRule interface {
	Adapter
	// CurrentID is the id that the posting stored as stored has under
	// today's rule (stored itself when the rule gives it unchanged, or
	// when stored is not an id the rules made from a link).
	CurrentID(stored string) string
}
