package scrape

import (
	"regexp"
	"strconv"
	"strings"
)

// maskInID is a secret's mask as the posting mask writes it into an id
// (redact: "[redacted:NAME]").
var maskInID = regexp.MustCompile(`\[redacted:[A-Za-z0-9_]+\]`)

// KeepMasks is rule(stored) with the secrets' masks in stored kept as
// they are: an id made from a link that held a secret the board was sent
// is stored masked, and an id rule that reads the link again (an IDRule's
// CurrentID: escapes made canonical, session parameters dropped) would
// escape the mask's brackets and colon, so that the stored posting would
// no longer be found under the key today's listing gives it (the link's
// secret masked after the rule). Each mask is read by the rule as a word
// of letters and digits, then put back (a rule may drop one with its
// parameter: a session id that held the secret, as it does today).
func KeepMasks(stored string, rule func(string) string) string {
	if !strings.Contains(stored, "[redacted:") {
		return rule(stored)
	}
	masks := maskInID.FindAllString(stored, -1)
	if masks == nil {
		return rule(stored)
	}
	i := 0
	held := maskInID.ReplaceAllStringFunc(stored, func(string) string {
		i++
		return placeholder(i - 1)
	})
	if strings.Count(held, maskPlaceholder) != len(masks) {
		return rule(stored) // the id held the placeholder's word itself
	}
	out := rule(held)
	for j := len(masks) - 1; j >= 0; j-- { // "…z" ends each: none is a prefix of another
		out = strings.Replace(out, placeholder(j), masks[j], 1)
	}
	return out
}

// maskPlaceholder starts the word a mask is read as (lower case: a rule
// lower-cases a host).
const maskPlaceholder = "cwmaskedsecretz"

func placeholder(i int) string { return maskPlaceholder + strconv.Itoa(i) + "z" }
