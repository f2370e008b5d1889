package watch

import (
	"errors"
	"fmt"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// described reports whether a posting read from a platform carries a
// description: text, HTML or a section with something in it. Markup alone
// ("<p></p>") is not looked into: that is the normalizer's business.
func described(r model.Raw) bool {
	if strings.TrimSpace(r.DescriptionHTML) != "" || strings.TrimSpace(r.DescriptionText) != "" {
		return true
	}
	for _, s := range r.Sections {
		if strings.TrimSpace(s.Heading) != "" || len(s.Items) > 0 {
			return true
		}
	}
	return false
}

// checkDetail is a detail answer as the pipeline takes it, for every
// adapter alike. A detail is asked for because the listing lacks the
// description (Raw.Complete false); an answer that still has none (a 200
// whose description field is empty: a glitch, a half-saved edit) is not
// taken as the posting's new content:
//
//   - a posting stored with a description: a detail failure (error naming
//     source, posting and URL): its snapshot and old stamp stay and the next
//     run asks again. A partial fetch is never a change: a description,
//     pay and skills wiped by one bad answer would be a false "changed".
//   - a posting new to the source, or stored without a description: the
//     answer is the posting as the platform publishes it (some have no text
//     at all; refusing them would never report them, and warn every run),
//     but its stamp is dropped, so the next run asks the detail again
//     rather than keeping it by its stamp: a description that shows up is
//     read, never frozen out.
//
// known says the posting is in the source's index (key id).
func (r *Runner) checkDetail(source, id string, known bool, listed, full model.Raw) (model.Raw, error) {
	if described(full) {
		return full, nil
	}
	if known {
		desc, err := r.storedDescription(source, id)
		if err != nil || strings.TrimSpace(desc) != "" {
			return full, fmt.Errorf("%s: posting %q: detail %s: the answer has no description", source, id, listed.URL)
		}
	}
	full.Stamp = ""
	return full, nil
}

// checkListed is checkDetail for a posting whose listing is complete (a
// platform whose listing carries the description: Greenhouse with
// content=true, Lever, Ashby, ...): a stored posting that had a
// description and is listed without one is kept as stored, as a failed
// detail is (its snapshot and old stamp stay; the next run reads it
// again), never reported as its description, pay and skills wiped. A
// listing that drops every description at once (content=true not
// honoured by a mirror) would otherwise be a board-wide false "changed",
// and another when the text comes back. A posting stored without one
// goes on as listed.
func (r *Runner) checkListed(source, id string, listed model.Raw) error {
	desc, err := r.storedDescription(source, id)
	if err != nil || strings.TrimSpace(desc) != "" {
		return fmt.Errorf("%s: posting %q: the listing gives no description for %s", source, id, listed.URL)
	}
	return nil
}

// storedDescription is the description of a stored posting: its file's,
// or, when the file no longer decodes (torn, a bad merge), its newest
// committed copy's that does, so that a posting the platform lists
// without a description is judged by what was stored and its file can be
// repaired (an error kept it unreadable for good).
func (r *Runner) storedDescription(source, id string) (string, error) {
	p, _, err := r.back.Read(source, id)
	if errors.Is(err, snapshot.ErrUnreadable) {
		if old, _, ok := (&committed{r: r}).latest(source, id); ok {
			return old.Description, nil
		}
	}
	return p.Description, err
}
